package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.ApproverRef;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Approvers mentioned so Slack notifies them: {@code <!subteam^S1> <@U0LEAD>}. A group is mentioned by its Slack id,
 * which the directory looks up; when it cannot, the group's handle is written out instead.
 */
@Singleton
public class ApproverMentions {

    private final SlackApproverDirectory directory;

    public ApproverMentions(SlackApproverDirectory directory) {
        this.directory = directory;
    }

    public String of(List<ApproverRef> approvers) {
        try {
            return approvers.stream().map(this::mention).collect(Collectors.joining(" "));
        } catch (RuntimeException e) {
            return approvers.stream().map(ApproverRef::text).collect(Collectors.joining(" "));
        }
    }

    private String mention(ApproverRef ref) {
        return ref instanceof ApproverRef.User user ? DeployWords.user(user.userId())
                : directory.mention(((ApproverRef.Group) ref).handle());
    }
}
