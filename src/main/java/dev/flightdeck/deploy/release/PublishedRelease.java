package dev.flightdeck.deploy.release;

/**
 * One GitHub {@code release} delivery, as the webhook adapter read it (nothing here is trusted beyond the signature:
 * the use case checks every field before it opens anything).
 *
 * @param repository  {@code repository.full_name}, e.g. {@code Codertocat/Hello-World}
 * @param releaseId   {@code release.id}: the same release redelivered, or sent as JSON and as a form, has the same id
 * @param action      {@code published}, {@code created}, {@code released}, …; only {@code published} opens requests
 * @param tag         {@code release.tag_name}
 * @param authorLogin {@code release.author.login} (the person who published it)
 * @param url         {@code release.html_url}, the release's page; may be null
 */
public record PublishedRelease(String repository, long releaseId, String action, String tag, String authorLogin,
                               String url, boolean draft, boolean prerelease) {

    public static final String PUBLISHED = "published";
}
