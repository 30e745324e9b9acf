package dev.e911.genesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import com.mypurecloud.sdk.v2.LocalDateDeserializer;
import com.mypurecloud.sdk.v2.LocalDateSerializer;
import dev.e911.testkit.http.StubResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The official Genesys Cloud Java SDK ({@code com.mypurecloud:platform-client-v2}, test scope only) as
 * the judge of our wire format. {@link #assertRequestFits} reads a body we sent into the SDK model of
 * the endpoint with unknown properties (and scalar coercion) failing, writes the model back the way the
 * SDK does and requires the same JSON, so a misspelt field, a wrong type or an enum value the SDK does
 * not know (which the SDK's lenient enum readers would turn into {@code OUTDATEDSDKVERSION}) all fail.
 * {@link #sdkJson} serializes an SDK model object exactly as the SDK's {@code ApiClient} does, for
 * responses served from a loopback fake and for fixtures.
 */
public final class SdkWire {

  /** The SDK version the checks run against (the test-scope dependency in e911-genesys/pom.xml). */
  public static final String SDK_VERSION = "198.1.0";

  /**
   * The mapper settings of the SDK's {@code ApiClient.buildObjectMapper}: nulls omitted, unknown
   * properties ignored, empty beans allowed, dates as text in {@link ApiDateFormat} (UTC), enums by their
   * wire value, the SDK's {@code java.time.LocalDate} (de)serializers. The SDK's Joda module is left out:
   * only {@code EdgeAutoUpdateConfig} and {@code Schedule} use Joda types, and no check fills them.
   */
  public static final JsonMapper SDK = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
      .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
      .defaultDateFormat(new ApiDateFormat())
      .addModule(new SimpleModule("sdk-local-date")
          .addSerializer(LocalDate.class, new LocalDateSerializer())
          .addDeserializer(LocalDate.class, new LocalDateDeserializer()))
      .build();

  /** {@link #SDK}, but every property the model does not declare fails, and no scalar is coerced. */
  public static final JsonMapper STRICT = SDK.rebuild()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  private SdkWire() {}

  /**
   * Asserts that {@code json} (a request body we sent) is an instance of the SDK model {@code model}: it
   * reads into it with unknown properties failing and writes back to the same JSON (explicit JSON nulls
   * aside, which the SDK can read but never writes, and the empty lists the SDK writes for every list
   * property it was not given). Returns the model object for value checks.
   */
  public static <T> T assertRequestFits(String json, Class<T> model) {
    return fits(json, SDK.constructType(model), model.getSimpleName());
  }

  /** {@link #assertRequestFits} for a body that is a JSON array of {@code element} (e.g. number plans). */
  public static <T> List<T> assertRequestFitsList(String json, Class<T> element) {
    return fits(json, SDK.getTypeFactory().constructCollectionType(List.class, element), "List<" + element.getSimpleName() + ">");
  }

  /** {@link #assertRequestFits} for a parametrised type, e.g. the SDK's {@code NotificationEvent<T>}. */
  public static <T> T assertFits(String json, JavaType type) {
    return fits(json, type, type.toCanonical());
  }

  private static <T> T fits(String json, JavaType type, String name) {
    JsonNode sent = tree(json);
    T model;
    try {
      model = STRICT.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError("body does not fit the SDK model " + name + ": " + e.getOriginalMessage() + "\nbody: " + json, e);
    }
    JsonNode back = tree(sdkJson(model));
    JsonNode expected = withoutNulls(sent);
    List<String> diff = new ArrayList<>();
    compare("$", expected, back, diff);
    if (!diff.isEmpty()) {
      fail("body does not survive the SDK model " + name + " unchanged: " + String.join("; ", diff) + "\nbody: " + json
          + "\nSDK writes: " + back);
    }
    return model;
  }

  /** The SDK object as the SDK serializes it. */
  public static String sdkJson(Object sdkObject) {
    try {
      return SDK.writeValueAsString(sdkObject);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SDK object as the SDK serializes it, as a JSON object (to seed {@link FakeGenesys}'s stores). */
  public static ObjectNode sdkObject(Object sdkObject) {
    JsonNode n = tree(sdkJson(sdkObject));
    assertThat(n.isObject()).as("SDK JSON of %s is an object", sdkObject.getClass().getSimpleName()).isTrue();
    return (ObjectNode) n;
  }

  /** A list of SDK objects as the SDK serializes it, as a JSON array. */
  public static ArrayNode sdkArray(List<?> sdkObjects) {
    return (ArrayNode) tree(sdkJson(sdkObjects));
  }

  /** A 200 answer whose body is the SDK serialization of {@code sdkObject}. */
  public static StubResponse sdkResponse(Object sdkObject) {
    return StubResponse.okJson(sdkJson(sdkObject));
  }

  /** An answer with this status whose body is the SDK serialization of {@code sdkObject}. */
  public static StubResponse sdkResponse(int status, Object sdkObject) {
    return StubResponse.json(status, sdkJson(sdkObject));
  }

  /**
   * Sets a property the SDK model only lets the server fill (no setter: {@code id}, {@code state},
   * {@code selfUri}, {@code Station.webRtcForceTurn}, {@code User.locations}, ...), so a response can be
   * built from the model itself; returns {@code model}.
   */
  public static <T> T serverSet(T model, String field, Object value) {
    for (Class<?> c = model.getClass(); c != null; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field f = c.getDeclaredField(field);
        f.setAccessible(true);
        f.set(model, value);
        return model;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException(model.getClass().getSimpleName() + " has no field " + field);
  }

  static JsonNode tree(String json) {
    try {
      return SDK.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode withoutNulls(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = SDK.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          out.set(e.getKey(), withoutNulls(e.getValue()));
        }
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = SDK.createArrayNode();
      n.forEach(x -> out.add(withoutNulls(x)));
      return out;
    }
    return n;
  }

  private static void compare(String at, JsonNode want, JsonNode got, List<String> diff) {
    if (want.isObject() && got.isObject()) {
      for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!got.has(f)) {
          diff.add(at + "." + f + " dropped");
        } else {
          compare(at + "." + f, want.get(f), got.get(f), diff);
        }
      }
      for (Iterator<String> it = got.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        // the SDK initialises its list fields to empty lists and so writes [] for every list not sent
        boolean sdkDefault = got.get(f).isContainerNode() && got.get(f).isEmpty();
        if (!want.has(f) && !sdkDefault) {
          diff.add(at + "." + f + " added as " + got.get(f));
        }
      }
    } else if (want.isArray() && got.isArray() && want.size() == got.size()) {
      for (int i = 0; i < want.size(); i++) {
        compare(at + "[" + i + "]", want.get(i), got.get(i), diff);
      }
    } else if (!want.equals(got)) {
      diff.add(at + " " + want + " became " + got);
    }
  }
}
