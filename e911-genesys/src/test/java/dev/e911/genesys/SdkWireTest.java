package dev.e911.genesys;

import static dev.e911.genesys.SdkWire.assertRequestFits;
import static dev.e911.genesys.SdkWire.assertRequestFitsList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mypurecloud.sdk.v2.model.ChannelTopic;
import com.mypurecloud.sdk.v2.model.LocationCreateDefinition;
import com.mypurecloud.sdk.v2.model.LocationEmergencyNumber;
import com.mypurecloud.sdk.v2.model.LocationUpdateDefinition;
import com.mypurecloud.sdk.v2.model.UserPresence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The checker itself: what {@link SdkWire#assertRequestFits} must refuse, so a green wire test means something. */
@DisplayName("SdkWire refuses bodies the official SDK model would not carry unchanged")
class SdkWireTest {

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  @Test
  @DisplayName("a body that is the model passes and its values are readable")
  void fits() {
    LocationCreateDefinition d = assertRequestFits(json("{'name':'WFH','address':{'street1':'1 Main St','country':'US'},"
        + "'emergencyNumber':{'number':'+15035550121','type':'elin'}}"), LocationCreateDefinition.class);
    assertThat(d.getEmergencyNumber().getType()).isEqualTo(LocationEmergencyNumber.TypeEnum.ELIN);
    assertThat(assertRequestFitsList(json("[{'id':'v2.users.u1.presence'}]"), ChannelTopic.class)).hasSize(1);
  }

  @Test
  @DisplayName("a property the model does not declare (a misspelt or invented field) fails")
  void unknownProperty() {
    assertThatThrownBy(() -> assertRequestFits(json("{'name':'WFH','address':{'street':'1 Main St'}}"),
        LocationCreateDefinition.class)).isInstanceOf(AssertionError.class).hasMessageContaining("street");
    assertThatThrownBy(() -> assertRequestFits(json("{'presenceDefinition':{'id':'pd'},'reason':'x'}"), UserPresence.class))
        .isInstanceOf(AssertionError.class).hasMessageContaining("reason");
  }

  @Test
  @DisplayName("an enum value the SDK does not know fails, although the SDK's own reader would take it as OUTDATEDSDKVERSION")
  void unknownEnumValue() {
    assertThatThrownBy(() -> assertRequestFits(json("{'name':'WFH','emergencyNumber':{'number':'+15035550121','type':'fallback'}}"),
        LocationCreateDefinition.class)).isInstanceOf(AssertionError.class).hasMessageContaining("OutdatedSdkVersion");
    // the SDK's enum readers ignore case; the wire value is the SDK's spelling, so another case fails too
    assertThatThrownBy(() -> assertRequestFits(json("{'name':'WFH','emergencyNumber':{'number':'+15035550121','type':'ELIN'}}"),
        LocationCreateDefinition.class)).isInstanceOf(AssertionError.class).hasMessageContaining("\"ELIN\" became \"elin\"");
  }

  @Test
  @DisplayName("a scalar of the wrong type fails instead of being coerced")
  void wrongType() {
    assertThatThrownBy(() -> assertRequestFits(json("{'name':'WFH','version':'3'}"), LocationUpdateDefinition.class))
        .isInstanceOf(AssertionError.class).hasMessageContaining("version");
    assertThatThrownBy(() -> assertRequestFits(json("{'name':'WFH','version':3,'notes':{'text':'x'}}"), LocationUpdateDefinition.class))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  @DisplayName("an explicit null is accepted (the SDK reads it; it never writes one), and so is an omitted list")
  void nullsAndDefaults() {
    LocationUpdateDefinition d = assertRequestFits(json("{'name':'WFH','version':3,'emergencyNumber':null}"),
        LocationUpdateDefinition.class);
    assertThat(d.getEmergencyNumber()).isNull();
    assertThat(d.getPath()).isEmpty();
  }
}
