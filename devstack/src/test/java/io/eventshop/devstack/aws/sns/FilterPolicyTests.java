package io.eventshop.devstack.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.devstack.aws.sns.FilterPolicy.Scope;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterPolicyTests {

    @Test
    void attributesBecomeAFlatJsonObjectWithBinaryLeftOut() {
        var event = FilterPolicy.attributesEvent(Attributes.with()
                .string("colour", "red")
                .number("size", "42.5")
                .array("tags", "[\"a\", 1]")
                .binary("blob", "x")
                .build());

        assertThat(event).hasToString("{\"colour\":\"red\",\"size\":42.5,\"tags\":[\"a\",1]}");
    }

    @Test
    void messageWithOnlyBinaryAttributesGivesNoEvent() {
        assertThat(FilterPolicy.attributesEvent(
                        Attributes.with().binary("blob", "x").build()))
                .isNull();
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // exact string, case-sensitive
                "{\"colour\":[\"red\"]}                                  | red    | true",
                "{\"colour\":[\"red\"]}                                  | Red    | false",
                "{\"colour\":[\"blue\",\"red\"]}                         | red    | true",
                "{\"colour\":[{\"prefix\":\"re\"}]}                      | red    | true",
                "{\"colour\":[{\"prefix\":\"bl\"}]}                      | red    | false",
                "{\"colour\":[{\"suffix\":\"ed\"}]}                      | red    | true",
                "{\"colour\":[{\"equals-ignore-case\":\"RED\"}]}         | red    | true",
                "{\"colour\":[{\"anything-but\":\"red\"}]}               | red    | false",
                "{\"colour\":[{\"anything-but\":\"red\"}]}               | blue   | true",
                "{\"colour\":[{\"anything-but\":[\"red\",\"blue\"]}]}    | blue   | false",
                "{\"colour\":[{\"anything-but\":{\"prefix\":\"bl\"}}]}   | blue   | false",
                "{\"colour\":[{\"anything-but\":{\"prefix\":\"bl\"}}]}   | red    | true",
                "{\"colour\":[{\"exists\":true}]}                        | red    | true",
                "{\"shape\":[{\"exists\":true}]}                         | red    | false",
                "{\"shape\":[{\"exists\":false}]}                        | red    | true",
                "{\"colour\":[{\"exists\":false}]}                       | red    | false",
                "{\"colour\":[\"red\"],\"shape\":[\"round\"]}            | red    | false",
            })
    void stringOperators(String policy, String colour, boolean matches) {
        var attributes = Attributes.with().string("colour", colour).build();

        assertThat(compile(policy).matches("any", attributes)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"size\":[5]}                                       | 5     | true",
                "{\"size\":[5]}                                       | 5.0   | true",
                "{\"size\":[6]}                                       | 5     | false",
                "{\"size\":[{\"numeric\":[\">\",0,\"<=\",5]}]}        | 5     | true",
                "{\"size\":[{\"numeric\":[\">\",5]}]}                 | 5     | false",
                "{\"size\":[{\"numeric\":[\"=\",-1.5]}]}              | -1.5  | true",
                "{\"size\":[{\"anything-but\":[5,6]}]}                | 7     | true",
                "{\"size\":[{\"anything-but\":[5,6]}]}                | 6     | false",
                "{\"size\":[\"5\"]}                                   | 5     | false",
            })
    void numberOperators(String policy, String size, boolean matches) {
        var attributes = Attributes.with().number("size", size).build();

        assertThat(compile(policy).matches("any", attributes)).isEqualTo(matches);
    }

    @Test
    void numbersMatchOnlyNumberAttributesNeverNumericStrings() {
        var policy = compile("{\"size\":[{\"numeric\":[\">\",1]}]}");

        assertThat(policy.matches("any", Attributes.with().string("size", "5").build()))
                .isFalse();
        assertThat(policy.matches("any", Attributes.with().number("size", "5").build()))
                .isTrue();
    }

    @Test
    void stringArrayMatchesWhenAnyElementMatches() {
        var attributes = Attributes.with().array("tags", "[\"sale\",\"new\"]").build();

        assertThat(compile("{\"tags\":[\"new\"]}").matches("any", attributes)).isTrue();
        assertThat(compile("{\"tags\":[{\"prefix\":\"sa\"}]}").matches("any", attributes))
                .isTrue();
        assertThat(compile("{\"tags\":[\"old\"]}").matches("any", attributes)).isFalse();
    }

    @Test
    void cidrMatchesAddressesInTheRange() {
        var policy = compile("{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}");

        assertThat(policy.matches(
                        "any",
                        Attributes.with().string("source_ip", "10.0.0.255").build()))
                .isTrue();
        assertThat(policy.matches(
                        "any", Attributes.with().string("source_ip", "10.0.1.0").build()))
                .isFalse();
    }

    @Test
    void orMatchesEitherBranch() {
        var policy = compile("{\"colour\":[\"red\"],\"$or\":[{\"size\":[1]},{\"shape\":[\"round\"]}]}");

        assertThat(policy.matches(
                        "any",
                        Attributes.with()
                                .string("colour", "red")
                                .string("shape", "round")
                                .build()))
                .isTrue();
        assertThat(policy.matches(
                        "any",
                        Attributes.with()
                                .string("colour", "red")
                                .number("size", "1")
                                .build()))
                .isTrue();
        assertThat(policy.matches(
                        "any",
                        Attributes.with()
                                .string("colour", "red")
                                .number("size", "2")
                                .build()))
                .isFalse();
    }

    @Test
    void messageWithoutAttributesMatchesNoAttributePolicyNotEvenExistsFalse() {
        assertThat(compile("{\"colour\":[{\"exists\":false}]}").matches("any", Map.of()))
                .isFalse();
    }

    @Test
    void bodyScopeMatchesNestedKeysOfAJsonMessage() {
        var policy = FilterPolicy.compile(
                "{\"order\":{\"total\":[{\"numeric\":[\">\",100]}],\"status\":[\"PAID\"]}}", Scope.MessageBody);

        assertThat(policy.matches("{\"order\":{\"total\":150,\"status\":\"PAID\"}}", Map.of()))
                .isTrue();
        assertThat(policy.matches("{\"order\":{\"total\":50,\"status\":\"PAID\"}}", Map.of()))
                .isFalse();
        assertThat(policy.matches("not json", Map.of())).isFalse();
        assertThat(policy.matches("[1,2]", Map.of())).isFalse();
    }

    @Test
    void bodyScopeIgnoresAttributes() {
        var policy = FilterPolicy.compile("{\"colour\":[\"red\"]}", Scope.MessageBody);

        assertThat(policy.matches(
                        "{}", Attributes.with().string("colour", "red").build()))
                .isFalse();
        assertThat(policy.matches("{\"colour\":\"red\"}", Map.of())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json                                  | Invalid parameter: FilterPolicy: failed to parse JSON.",
                "[1]                                       | Invalid parameter: FilterPolicy: failed to parse JSON.",
                "{\"a\":[{\"unknown-operator\":1}]}        | Invalid parameter: FilterPolicy: ",
                "{\"a\":\"not an array\"}                  | Invalid parameter: FilterPolicy: ",
                "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]} | more than 5 keys",
                "{\"a\":{\"b\":[1]}}                       | does not support nested filter policy",
            })
    void invalidPoliciesAreInvalidParameters(String policy, String message) {
        assertThatThrownBy(() -> compile(policy))
                .isInstanceOfSatisfying(
                        SnsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameter"))
                .hasMessageContaining(message);
    }

    @Test
    void policiesOverOneHundredFiftyCombinationsAreTooComplex() {
        // 4 * 4 * 4 * 3 = 192 combinations
        String policy = "{\"a\":[1,2,3,4],\"b\":[1,2,3,4],\"c\":[1,2,3,4],\"d\":[1,2,3]}";

        assertThatThrownBy(() -> compile(policy))
                .hasMessage("Invalid parameter: FilterPolicy: Filter policy is too complex");
        assertThat(compile("{\"a\":[1,2,3,4,5],\"b\":[1,2,3,4,5],\"c\":[1,2,3,4,5,6]}"))
                .isNotNull();
    }

    @Test
    void bodyScopeAllowsMoreThanFiveKeysButNotMoreCombinations() {
        String sixKeys = "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}";

        assertThat(FilterPolicy.compile(sixKeys, Scope.MessageBody)).isNotNull();
    }

    private static FilterPolicy compile(String policy) {
        return FilterPolicy.compile(policy, Scope.MessageAttributes);
    }

    /** Builds message attributes for a test, in order. */
    private static final class Attributes {

        private final Map<String, MessageAttribute> attributes = new LinkedHashMap<>();

        static Attributes with() {
            return new Attributes();
        }

        Attributes string(String name, String value) {
            attributes.put(name, new MessageAttribute(name, "String", value, null));
            return this;
        }

        Attributes number(String name, String value) {
            attributes.put(name, new MessageAttribute(name, "Number", value, null));
            return this;
        }

        Attributes array(String name, String value) {
            attributes.put(name, new MessageAttribute(name, "String.Array", value, null));
            return this;
        }

        Attributes binary(String name, String value) {
            attributes.put(name, new MessageAttribute(name, "Binary", null, value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        Map<String, MessageAttribute> build() {
            return attributes;
        }
    }
}
