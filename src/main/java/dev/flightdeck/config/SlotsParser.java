package dev.flightdeck.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.flightdeck.config.ErrorSink.show;

/** flightdeck.slots: {@code { dev: [dev1, dev2, dev3] }}, each pool an environment of the file, each slot named once. */
final class SlotsParser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private SlotsParser() {
    }

    static Map<String, List<String>> slots(Section s, Set<String> environments) {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String pool : s.keys()) {
            if (!environments.contains(pool)) {
                s.error(pool, ServiceParser.unknownEnvironment(pool, environments)
                        + "; a pool of slots is named after the environment whose settings its slots inherit");
                continue;
            }
            List<String> names = s.stringList(pool).orElse(List.of());
            List<String> slots = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String slot = names.get(i);
                String at = pool + "[" + i + "]";
                if (!NAME.matcher(slot).matches()) {
                    s.error(at, "slot names are lowercase letters, digits, - and _ (they are typed in /deploy claim),"
                            + " got " + show(slot));
                } else if (slot.equals(pool) || s.keys().contains(slot)) {
                    s.error(at, "names a pool; a slot is one environment of a pool, like " + pool + "1");
                } else if (!seen.add(slot)) {
                    s.error(at, "names slot " + slot + " twice; each slot belongs to one pool, once");
                } else {
                    slots.add(slot);
                }
            }
            if (names.isEmpty()) {
                s.error(pool, "must list the pool's slots, like [" + pool + "1, " + pool + "2]");
            }
            pools.put(pool, slots);
        }
        return pools;
    }
}
