package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.testing.FakeSlackState.GroupData;
import dev.flightdeck.testing.FakeSlackState.UserData;

import java.util.Map;
import java.util.function.Function;

import static dev.flightdeck.testing.FakeJson.obj;
import static dev.flightdeck.testing.FakeSlackMethods.error;
import static dev.flightdeck.testing.FakeSlackMethods.ok;

/** auth, users, user groups, views and Socket Mode methods of the fake Web API. Called under FakeSlack's lock. */
final class FakeSlackDirectory {
    private final FakeSlackState s;

    FakeSlackDirectory(FakeSlackState state) {
        this.s = state;
    }

    void register(Map<String, Function<Map<String, String>, JsonObject>> into) {
        into.put("auth.test", p -> ok("url", "https://" + s.teamDomain + ".slack.com/", "team", "Flightdeck Test",
                "user", s.botName, "team_id", s.teamId, "user_id", s.botUserId, "bot_id", s.botId,
                "app_id", s.appId, "is_enterprise_install", false));
        into.put("users.info", p -> {
            UserData u = s.users.get(p.getOrDefault("user", ""));
            return u == null ? error("user_not_found") : ok("user", user(u));
        });
        into.put("users.lookupByEmail", p -> s.users.values().stream()
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(p.getOrDefault("email", "")))
                .findFirst().map(u -> ok("user", user(u))).orElse(error("users_not_found")));
        into.put("usergroups.list", p -> {
            boolean withUsers = FakeSlackMethods.truthy(p.get("include_users"));
            JsonArray groups = new JsonArray();
            s.groups.values().forEach(g -> groups.add(group(g, withUsers)));
            return ok("usergroups", groups);
        });
        into.put("usergroups.users.list", p -> {
            GroupData g = s.groups.get(p.getOrDefault("usergroup", ""));
            return g == null ? error("no_such_subteam") : ok("users", g.users);
        });
        into.put("views.open", p -> p.get("trigger_id") == null || p.get("trigger_id").isBlank()
                ? error("invalid_trigger_id") : storeView(null, p.get("view")));
        into.put("views.publish", p -> s.users.containsKey(p.getOrDefault("user_id", ""))
                ? storeView(null, p.get("view")) : error("user_not_found"));
        into.put("views.update", p -> {
            String id = p.get("view_id");
            if (id == null) {
                String external = p.getOrDefault("external_id", "");
                id = s.views.entrySet().stream()
                        .filter(e -> e.getValue().has("external_id") && external.equals(e.getValue().get("external_id").getAsString()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
            }
            return id == null || !s.views.containsKey(id) ? error("not_found") : storeView(id, p.get("view"));
        });
        into.put("apps.connections.open", p -> ok("url", s.socketModeUrl));
    }

    private JsonObject user(UserData u) {
        return obj("id", u.id(), "team_id", s.teamId, "name", u.name(), "real_name", u.realName(),
                "deleted", false, "is_bot", u.isBot(), "is_admin", false, "tz", "Europe/London",
                // As Slack: profile.email only for an app granted users:read.email.
                "profile", obj("real_name", u.realName(), "display_name", u.name(),
                        "email", s.grantedScopes.contains("users:read.email") ? u.email() : null,
                        "bot_id", u.isBot() ? s.botId : null));
    }

    private JsonObject group(GroupData g, boolean withUsers) {
        return obj("id", g.id, "team_id", s.teamId, "is_usergroup", true, "name", g.name, "handle", g.handle,
                "description", "", "is_external", false, "date_create", 1_700_000_000, "created_by", s.botUserId,
                "users", withUsers ? g.users : null, "user_count", g.users.size());
    }

    private JsonObject storeView(String id, String viewJson) {
        JsonElement parsed = FakeJson.parseOrNull(viewJson);
        if (parsed == null || !parsed.isJsonObject()) return error("invalid_arguments");
        JsonObject view = parsed.getAsJsonObject().deepCopy();
        String viewId = id != null ? id : s.newId("V");
        view.addProperty("id", viewId);
        view.addProperty("team_id", s.teamId);
        view.addProperty("app_id", s.appId);
        view.addProperty("bot_id", s.botId);
        view.addProperty("root_view_id", viewId);
        view.addProperty("hash", s.nextTs().replace(".", ""));
        if (!view.has("state")) view.add("state", obj("values", new JsonObject()));
        s.views.put(viewId, view);
        return ok("view", view);
    }
}
