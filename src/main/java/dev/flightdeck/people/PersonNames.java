package dev.flightdeck.people;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names for the people a page or a summary shows: each directory in turn (the demo's own table when --demo runs,
 * then Slack) is asked for the ids the ones before it did not know. Ids that are not Slack user ids ("flightdeck",
 * "system:demo") are never looked up.
 */
@Singleton
public class PersonNames {

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

    private final List<PeopleDirectory> directories;

    public PersonNames(List<PeopleDirectory> directories) {
        this.directories = List.copyOf(directories);
    }

    /** Looks up these ids and every user mentioned in these texts, once each. */
    public NameBook book(Collection<String> userIds, Collection<String> texts) {
        Set<String> wanted = new LinkedHashSet<>();
        Stream.concat(userIds.stream(), texts.stream().flatMap(PersonNames::mentionedIn))
                .filter(id -> id != null && USER_ID.matcher(id).matches())
                .forEach(wanted::add);
        Map<String, String> names = new HashMap<>();
        for (PeopleDirectory directory : directories) {
            if (wanted.isEmpty()) {
                break;
            }
            Map<String, String> found = directory.namesOf(List.copyOf(wanted));
            found.forEach((id, name) -> {
                if (name != null && !name.isBlank() && wanted.remove(id)) {
                    names.put(id, name);
                }
            });
        }
        return new NameBook(names);
    }

    public NameBook book(Collection<String> userIds) {
        return book(userIds, List.of());
    }

    private static Stream<String> mentionedIn(String text) {
        if (text == null) {
            return Stream.empty();
        }
        Matcher m = NameBook.MENTION.matcher(text);
        Stream.Builder<String> ids = Stream.builder();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids.build();
    }
}
