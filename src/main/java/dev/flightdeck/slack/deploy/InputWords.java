package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.InputProblem;
import dev.flightdeck.text.Mrkdwn;

/** What is wrong with a typed deploy request, and which field of the request form it belongs to. */
final class InputWords {
    private InputWords() {
    }

    static String say(InputProblem p) {
        if (p instanceof InputProblem.NoSuchService x) {
            return "There is no service " + Mrkdwn.code(x.service()) + "; known: " + String.join(", ", x.known()) + ".";
        }
        if (p instanceof InputProblem.NoSuchEnvironment x) {
            return "There is no environment " + Mrkdwn.code(x.environment()) + "; known: " + String.join(", ", x.known()) + ".";
        }
        if (p instanceof InputProblem.BadVersion x) {
            return Mrkdwn.code(x.version()) + " is not a version: use letters, digits and . _ + - / (at most 64), "
                    + "e.g. 5.11.2, v1.2.3-rc.1 or a git sha.";
        }
        if (p instanceof InputProblem.BranchNotAllowed x) {
            return dev.flightdeck.slack.deploy.slots.SlotWords.branchNotAllowed(x);
        }
        if (p instanceof InputProblem.RunnerNotAPerson) {
            return "The runner must be a person: @-mention them.";
        }
        if (p instanceof InputProblem.ChecklistTooLong x) {
            return "A checklist holds at most " + x.max() + " items (Slack's limit for checkboxes); this one would have "
                    + x.items() + (x.fromTeamFile() > 0 ? ", " + x.fromTeamFile() + " of them from the team file" : "")
                    + ". Nothing was requested.";
        }
        if (p instanceof InputProblem.ChecklistItemTooLong x) {
            return "The checklist item “" + Mrkdwn.escape(DeployMessage.cut(x.item(), 100)) + "” is longer than " + x.max()
                    + " characters (Slack's limit for a checkbox). Nothing was requested.";
        }
        return "The note is longer than " + ((InputProblem.NoteTooLong) p).max() + " characters.";
    }

    static String field(InputProblem p) {
        if (p instanceof InputProblem.NoSuchService) {
            return DeploySlackIds.DEPLOY_FIELD_SERVICE;
        }
        if (p instanceof InputProblem.NoSuchEnvironment) {
            return DeploySlackIds.DEPLOY_FIELD_ENV;
        }
        if (p instanceof InputProblem.RunnerNotAPerson) {
            return DeploySlackIds.DEPLOY_FIELD_RUNNER;
        }
        if (p instanceof InputProblem.ChecklistTooLong || p instanceof InputProblem.ChecklistItemTooLong) {
            return DeploySlackIds.DEPLOY_FIELD_CHECKLIST;
        }
        if (p instanceof InputProblem.NoteTooLong) {
            return DeploySlackIds.DEPLOY_FIELD_NOTE;
        }
        return DeploySlackIds.DEPLOY_FIELD_VERSION;
    }
}
