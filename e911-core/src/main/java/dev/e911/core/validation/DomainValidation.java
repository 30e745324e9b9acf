package dev.e911.core.validation;

import dev.e911.api.validation.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The single Bean Validation entry point: validates any object annotated with Jakarta Bean
 * Validation constraints (e911's own values, configuration objects, or an embedding service's DTOs
 * that hold them) and returns e911's typed {@link Violation}s (field path, rule, message), sorted by
 * path. Hibernate Validator runs with the {@link ParameterMessageInterpolator}: no Expression
 * Language, so no EL dependency and no expression-injection surface; messages are always English.
 */
public final class DomainValidation {

  private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
      .configure()
      .messageInterpolator(new ParameterMessageInterpolator(java.util.Set.of(Locale.ROOT), Locale.ROOT, false))
      .buildValidatorFactory()
      .getValidator();

  private DomainValidation() {}

  /** Every constraint violation of {@code value}, empty when it is valid. */
  public static List<Violation> validate(Object value) {
    return VALIDATOR.validate(value).stream()
        .map(DomainValidation::toViolation)
        .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::rule))
        .toList();
  }

  private static Violation toViolation(ConstraintViolation<?> v) {
    String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    String rule = "bean." + Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
    return new Violation(v.getPropertyPath().toString(), rule, v.getMessage());
  }
}
