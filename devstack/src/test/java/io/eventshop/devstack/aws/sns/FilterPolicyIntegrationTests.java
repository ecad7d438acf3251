package io.eventshop.devstack.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Each filter operator end to end, in both scopes: a message that should match and one that should not are
 * published, and only the first reaches the queue. The same JSON describes both scopes: as the message body, or as
 * attributes (a string becomes a String, a number a Number, an array a String.Array).
 */
@ExtendWith(LocalAwsExtension.class)
class FilterPolicyIntegrationTests {

    enum Scope {
        MessageAttributes,
        MessageBody
    }

    private static final String OPERATORS = """
            exact string        | {"colour":["red"]}                                   | {"colour":"red"}               | {"colour":"Red"}
            exact number        | {"size":[5]}                                         | {"size":5}                     | {"size":6}
            numeric range       | {"size":[{"numeric":[">",0,"<=",10]}]}               | {"size":10}                    | {"size":10.5}
            prefix              | {"colour":[{"prefix":"re"}]}                         | {"colour":"red"}               | {"colour":"blue"}
            suffix              | {"colour":[{"suffix":"ue"}]}                         | {"colour":"blue"}              | {"colour":"red"}
            equals-ignore-case  | {"colour":[{"equals-ignore-case":"RED"}]}            | {"colour":"rEd"}               | {"colour":"blue"}
            anything-but value  | {"colour":[{"anything-but":"red"}]}                  | {"colour":"blue"}              | {"colour":"red"}
            anything-but list   | {"colour":[{"anything-but":["red","blue"]}]}         | {"colour":"green"}             | {"colour":"blue"}
            anything-but prefix | {"colour":[{"anything-but":{"prefix":"bl"}}]}        | {"colour":"red"}               | {"colour":"blue"}
            exists true         | {"colour":[{"exists":true}]}                         | {"colour":"red"}               | {"size":1}
            exists false        | {"colour":[{"exists":false}]}                        | {"size":1}                     | {"colour":"red"}
            cidr                | {"ip":[{"cidr":"10.0.0.0/24"}]}                      | {"ip":"10.0.0.7"}              | {"ip":"10.0.1.7"}
            or                  | {"$or":[{"colour":["red"]},{"size":[{"numeric":[">",9]}]}]} | {"size":10}             | {"size":9}
            keys are ANDed      | {"colour":["red"],"size":[5]}                        | {"colour":"red","size":5}      | {"colour":"red","size":4}
            array any element   | {"tags":["sale"]}                                    | {"tags":["new","sale"]}        | {"tags":["new"]}
            array prefix        | {"tags":[{"prefix":"sa"}]}                           | {"tags":["sale"]}              | {"tags":["new"]}
            """;

    private SnsTestbed testbed;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        testbed = SnsTestbed.on(endpoint);
    }

    @AfterEach
    void disconnect() {
        testbed.close();
    }

    static Stream<Arguments> operatorsInBothScopes() {
        return OPERATORS.lines().map(line -> line.split("\\|")).flatMap(columns -> Stream.of(Scope.values())
                .map(scope -> Arguments.of(
                        columns[0].strip(), scope, columns[1].strip(), columns[2].strip(), columns[3].strip())));
    }

    @ParameterizedTest(name = "{0} in the {1} scope")
    @MethodSource("operatorsInBothScopes")
    void onlyTheMatchingMessageIsDelivered(String operator, Scope scope, String policy, String match, String miss) {
        String topicArn = testbed.topic("filtered");
        var queue = testbed.queue("filtered");
        testbed.subscribe(
                topicArn,
                queue,
                Map.of("RawMessageDelivery", "true", "FilterPolicy", policy, "FilterPolicyScope", scope.name()));

        publish(topicArn, scope, miss);
        publish(topicArn, scope, match);

        assertThat(testbed.bodies(testbed.drain(queue))).as(operator).containsExactly(match);
    }

    @Test
    void aBodyPolicyMatchesNestedKeys() {
        String topicArn = testbed.topic("nested");
        var queue = testbed.queue("nested");
        testbed.subscribe(
                topicArn,
                queue,
                Map.of(
                        "RawMessageDelivery", "true",
                        "FilterPolicy", "{\"order\":{\"status\":[\"PAID\"],\"total\":[{\"numeric\":[\">=\",100]}]}}",
                        "FilterPolicyScope", "MessageBody"));

        testbed.sns.publish(b -> b.topicArn(topicArn).message("{\"order\":{\"status\":\"PAID\",\"total\":99}}"));
        testbed.sns.publish(b -> b.topicArn(topicArn).message("{\"order\":{\"status\":\"PAID\",\"total\":100}}"));

        assertThat(testbed.bodies(testbed.drain(queue)))
                .containsExactly("{\"order\":{\"status\":\"PAID\",\"total\":100}}");
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void withoutAFilterPolicyEveryMessageIsDelivered(Scope scope) {
        String topicArn = testbed.topic("unfiltered");
        var queue = testbed.queue("unfiltered");
        testbed.subscribeRaw(topicArn, queue);

        publish(topicArn, scope, "{\"colour\":\"red\"}");

        assertThat(testbed.drain(queue)).hasSize(1);
    }

    @Test
    void aBodyPolicyNeverMatchesAMessageThatIsNotJson() {
        String topicArn = testbed.topic("not-json");
        var queue = testbed.queue("not-json");
        testbed.subscribe(
                topicArn,
                queue,
                Map.of(
                        "RawMessageDelivery", "true",
                        "FilterPolicy", "{\"colour\":[{\"exists\":false}]}",
                        "FilterPolicyScope", "MessageBody"));

        testbed.sns.publish(b -> b.topicArn(topicArn).message("colour: red"));
        testbed.sns.publish(b -> b.topicArn(topicArn).message("{\"size\":1}"));

        assertThat(testbed.bodies(testbed.drain(queue))).containsExactly("{\"size\":1}");
    }

    @Test
    void anAttributePolicyIgnoresTheBodyAndBinaryAttributes() {
        String topicArn = testbed.topic("attributes-only");
        var queue = testbed.queue("attributes-only");
        testbed.subscribe(
                topicArn, queue, Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"colour\":[\"red\"]}"));

        testbed.sns.publish(b -> b.topicArn(topicArn).message("{\"colour\":\"red\"}"));
        testbed.sns.publish(b -> b.topicArn(topicArn)
                .message("binary")
                .messageAttributes(Map.of("colour", DeliveryIntegrationTests.binary("red"))));
        testbed.sns.publish(b -> b.topicArn(topicArn)
                .message("string")
                .messageAttributes(Map.of("colour", DeliveryIntegrationTests.string("red"))));

        assertThat(testbed.bodies(testbed.drain(queue))).containsExactly("string");
    }

    private void publish(String topicArn, Scope scope, String json) {
        if (scope == Scope.MessageBody) {
            testbed.sns.publish(b -> b.topicArn(topicArn).message(json));
        } else {
            testbed.sns.publish(b -> b.topicArn(topicArn).message(json).messageAttributes(attributes(json)));
        }
    }

    private static Map<String, MessageAttributeValue> attributes(String json) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        for (var field : SnsTestbed.json(json).properties()) {
            JsonNode value = field.getValue();
            String type = value.isArray() ? "String.Array" : value.isNumber() ? "Number" : "String";
            attributes.put(
                    field.getKey(),
                    MessageAttributeValue.builder()
                            .dataType(type)
                            .stringValue(value.isTextual() ? value.asText() : value.toString())
                            .build());
        }
        return attributes;
    }
}
