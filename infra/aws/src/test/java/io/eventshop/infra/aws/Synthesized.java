package io.eventshop.infra.aws;

import io.eventshop.infra.aws.EventshopApp.EventshopStacks;
import io.eventshop.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app as {@code cdk synth} builds it with the default settings, built once for all the test classes: jsii starts
 * a Node.js process and builds the stacks in it, which takes seconds.
 */
final class Synthesized {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Synthesized defaults;

    final EventshopStacks stacks;
    final Topology topology;

    private Synthesized(DeploymentSettings settings) {
        this.stacks = EventshopApp.build(new App(), settings);
        this.topology = settings.topology();
    }

    /** The app with the default settings, and the topology it was built from. */
    static synchronized Synthesized withDefaults() {
        if (defaults == null) {
            defaults = new Synthesized(DeploymentSettings.defaults());
        }
        return defaults;
    }

    static JsonNode template(Stack stack) {
        return JSON.valueToTree(Template.fromStack(stack).toJSON());
    }

    /** Every resource of the given type in the template, as its properties, keyed by logical id. */
    static Map<String, JsonNode> resources(JsonNode template, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asString().equals(type)) {
                found.put(entry.getKey(), entry.getValue().path("Properties"));
            }
        });
        return found;
    }

    /** The logical id of a construct's CloudFormation resource. */
    static String logicalId(IConstruct construct) {
        IConstruct resource = construct instanceof CfnElement
                ? construct
                : construct.getNode().getDefaultChild();
        return Stack.of(construct).getLogicalId((CfnElement) resource);
    }

    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else if (!node.isMissingNode()) {
            elements.add(node);
        }
        return elements;
    }
}
