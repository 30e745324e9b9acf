package dev.e911.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void secrets_come_from_credential_headers_with_and_without_their_scheme() {
        HttpHeaders headers = HttpHeaders.of(Map.of(
                "Authorization", List.of("Bearer abc.def.ghi"),
                "X-Partner-Key", List.of("pk-1234"),
                "Accept", List.of("application/json")), (n, v) -> true);

        assertThat(Redactor.secretsIn(headers, Set.of())).containsExactlyInAnyOrder("Bearer abc.def.ghi", "abc.def.ghi");
        assertThat(Redactor.secretsIn(headers, Set.of("x-partner-key"))).contains("pk-1234");
    }

    @Test
    void scrub_masks_every_occurrence() {
        assertThat(Redactor.scrub("token abc.def.ghi and again abc.def.ghi", Set.of("abc.def.ghi")))
                .isEqualTo("token *** and again ***");
    }

    @Test
    void describe_drops_user_info_and_query() {
        assertThat(Redactor.describe(URI.create("https://user:pw@api.example.com:8443/v1/x?api_key=s3cret#frag")))
                .isEqualTo("https://api.example.com:8443/v1/x?[query]");
    }
}
