package dev.e911.core.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps credentials out of text that may be logged: masks known secret values inside a message,
 * names the request headers that carry credentials, and describes a URI without its user-info
 * and query (where API keys like to hide). {@link ResilientHttp} runs every message it builds
 * through it; adapters may do the same with their own error texts.
 */
public final class Redactor {

    /** Replacement for every masked secret. */
    public static final String MASK = "***";

    /** Header names (lower case) whose values are always treated as secrets. */
    public static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key", "api-key", "x-auth-token", "x-amz-security-token");

    /** Secrets shorter than this are not masked inside text: masking "a" would mangle everything. */
    private static final int MIN_SECRET_LENGTH = 4;

    private Redactor() {
    }

    /** Whether a header with this name carries a credential (case-insensitive). */
    public static boolean isSensitiveHeader(String name) {
        return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The secret values carried by the sensitive headers among {@code headers}: each full value
     * and, for {@code Scheme credentials} values such as {@code Bearer abc}, the credentials
     * part on its own.
     */
    public static Set<String> secretsIn(HttpHeaders headers, Collection<String> extraSensitiveHeaders) {
        Set<String> extra = new LinkedHashSet<>();
        for (String name : extraSensitiveHeaders) {
            extra.add(name.toLowerCase(Locale.ROOT));
        }
        Set<String> secrets = new LinkedHashSet<>();
        headers.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (SENSITIVE_HEADERS.contains(lower) || extra.contains(lower)) {
                for (String value : values) {
                    addSecret(secrets, value.strip());
                    int space = value.strip().indexOf(' ');
                    if (space > 0) {
                        addSecret(secrets, value.strip().substring(space + 1).strip());
                    }
                }
            }
        });
        return secrets;
    }

    private static void addSecret(Set<String> secrets, String value) {
        if (value.length() >= MIN_SECRET_LENGTH) {
            secrets.add(value);
        }
    }

    /** {@code text} with every occurrence of every secret (longest first) replaced by {@link #MASK}. */
    public static String scrub(String text, Collection<String> secrets) {
        List<String> longestFirst = secrets.stream()
                .filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .toList();
        String result = text;
        for (String secret : longestFirst) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** {@code scheme://host[:port]/path}: the URI without user-info, query or fragment. */
    public static String describe(URI uri) {
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            sb.append(uri.getHost());
        }
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            sb.append("?[query]");
        }
        return sb.toString();
    }
}
