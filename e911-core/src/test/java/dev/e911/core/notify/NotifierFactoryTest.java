package dev.e911.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotifierFactoryTest {

  static final String SECRET = "env-secret-value-0123456789";
  final NotifierFactory factory = NotifierFactory.builder(Map.of("HOOK_SECRET", SECRET, "SHORT", "short")::get).build();

  static ComponentSettings webhook(String id, Map<String, String> settings) {
    return new ComponentSettings(id, "webhook", settings, Map.of("signingSecret", "HOOK_SECRET"));
  }

  static InvalidValueException refused(Runnable r) {
    try {
      r.run();
    } catch (InvalidValueException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidValueException");
  }

  @Test
  @DisplayName("type webhook builds a signed webhook with its settings; type log a logging notifier")
  void builds() {
    EmergencyNotifier w = factory.create(webhook("desk-hook", Map.of("url", "https://security.example.com/e911",
        "timeout", "PT3S", "maxAttempts", "2", "requireAcknowledgement", "true")));
    assertThat(w).isInstanceOf(WebhookNotifier.class);
    assertThat(w.id()).isEqualTo("desk-hook");
    assertThat(w.requiresAcknowledgement()).isTrue();
    assertThat(((WebhookNotifier) w).endpoint()).isEqualTo("https://security.example.com/e911");
    EmergencyNotifier l = factory.create(new ComponentSettings("desk", "log", Map.of("recipient", "SF HQ security desk"), Map.of()));
    assertThat(l).isInstanceOf(LoggingNotifier.class);
    assertThat(l.toString()).contains("SF HQ security desk");
    assertThat(l.requiresAcknowledgement()).isFalse();
  }

  @Test
  @DisplayName("the example configuration's notifiers can be instantiated")
  void exampleConfiguration() {
    List<ComponentSettings> notifiers = ConfigLoader.load(Path.of("..", "examples", "contact-center.json")).notifiers();
    assertThat(factory.createAll(notifiers)).extracting(EmergencyNotifier::id).containsExactly("security-desk");
    assertThat(factory.groups(notifiers)).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("level-1"));
  }

  @Test
  @DisplayName("every bad setting of every notifier is named at once, under notifiers[i], and no value is echoed")
  void everyProblemAtOnce() {
    List<ComponentSettings> all = List.of(
        new ComponentSettings("a", "smtp", Map.of(), Map.of()),
        new ComponentSettings("b", "webhook", Map.of("urll", "https://x.example.com", "timeout", "5 seconds",
            "maxAttempts", "99", "requireAcknowledgement", "yes", "escalationLevel", "0"), Map.of()),
        new ComponentSettings("c", "webhook", Map.of("url", "http://secret-host.example.com/hook?token=tok-in-url"),
            Map.of("signingSecret", "UNSET_VAR")),
        new ComponentSettings("d", "log", Map.of("recipient", "desk", "url", "https://x"), Map.of("signingSecret", "HOOK_SECRET")),
        new ComponentSettings("e", "webhook", Map.of("url", "https://ok.example.com"), Map.of("signingSecret", "SHORT")));
    InvalidValueException e = refused(() -> factory.createAll(all));
    assertThat(e.violations()).extracting(Violation::path, Violation::rule).contains(
        org.assertj.core.groups.Tuple.tuple("notifiers[0].type", "notifier.type"),
        org.assertj.core.groups.Tuple.tuple("notifiers[1].settings.urll", "unknown.setting"),
        org.assertj.core.groups.Tuple.tuple("notifiers[1].settings.url", "required"),
        org.assertj.core.groups.Tuple.tuple("notifiers[1].settings.timeout", "duration"),
        org.assertj.core.groups.Tuple.tuple("notifiers[1].settings.maxAttempts", "range"),
        org.assertj.core.groups.Tuple.tuple("notifiers[1].settings.requireAcknowledgement", "boolean"),
        org.assertj.core.groups.Tuple.tuple("notifiers[1].settings.escalationLevel", "range"),
        org.assertj.core.groups.Tuple.tuple("notifiers[1].secretsFromEnv.signingSecret", "required"),
        org.assertj.core.groups.Tuple.tuple("notifiers[2].settings.url", "url.https"),
        org.assertj.core.groups.Tuple.tuple("notifiers[2].secretsFromEnv.signingSecret", "env.unset"),
        org.assertj.core.groups.Tuple.tuple("notifiers[3].settings.url", "unknown.setting"),
        org.assertj.core.groups.Tuple.tuple("notifiers[3].secretsFromEnv.signingSecret", "unknown.secret"),
        org.assertj.core.groups.Tuple.tuple("notifiers[4].secretsFromEnv.signingSecret", "min.length"));
    assertThat(e.getMessage()).doesNotContain("tok-in-url").doesNotContain("secret-host").doesNotContain(SECRET)
        .doesNotContain("5 seconds");
  }

  @Test
  @DisplayName("create names the notifier's own settings without a list prefix")
  void single() {
    InvalidValueException e = refused(() -> factory.create(webhook("x", Map.of("url", "not a url at all"))));
    assertThat(e.violations()).extracting(Violation::path).containsExactly("settings.url");
    assertThat(e.getMessage()).contains("notifier x");
  }

  @Test
  @DisplayName("groups follow escalationLevel: level 1 (the default) first, then 2")
  void groups() {
    List<RecipientGroup> groups = factory.groups(List.of(
        webhook("oncall", Map.of("url", "https://oncall.example.com", "escalationLevel", "2")),
        new ComponentSettings("desk-log", "log", Map.of(), Map.of()),
        webhook("desk-hook", Map.of("url", "https://desk.example.com", "escalationLevel", "1"))));
    assertThat(groups).extracting(RecipientGroup::name).containsExactly("level-1", "level-2");
    assertThat(groups.get(0).notifiers()).extracting(EmergencyNotifier::id).containsExactly("desk-log", "desk-hook");
    assertThat(groups.get(1).notifiers()).extracting(EmergencyNotifier::id).containsExactly("oncall");
    assertThatThrownBy(() -> factory.groups(List.of())).isInstanceOf(InvalidValueException.class);
  }
}
