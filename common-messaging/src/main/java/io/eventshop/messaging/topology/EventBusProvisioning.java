package io.eventshop.messaging.topology;

import io.eventshop.topology.Archive;
import io.eventshop.topology.EventBus;
import io.eventshop.topology.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Creates EventBridge buses, rules, targets and archives, or brings existing ones in line. PutRule and PutTargets
 * replace what they name, so they are called only when something differs, which keeps the report honest.
 */
final class EventBusProvisioning {

    private final EventBridgeClient events;

    EventBusProvisioning(EventBridgeClient events) {
        this.events = events;
    }

    /** Creates the bus if it is missing, and returns its ARN. */
    String applyBus(EventBus bus, ProvisioningReport.Recorder report) {
        try {
            return events.describeEventBus(request -> request.name(bus.name())).arn();
        } catch (ResourceNotFoundException e) {
            try {
                String arn = events.createEventBus(request -> request.name(bus.name()))
                        .eventBusArn();
                report.created(ResourceKind.EVENT_BUS, bus.name());
                return arn;
            } catch (ResourceAlreadyExistsException createdMeanwhile) {
                // Services provision at start-up, often at the same time: another one was first.
                return events.describeEventBus(request -> request.name(bus.name()))
                        .arn();
            }
        }
    }

    /** Creates or replaces the rule when its pattern, description or state differ. */
    void applyRule(EventBus bus, Rule rule, ProvisioningReport.Recorder report) {
        String name = bus.name() + "/" + rule.name();
        DescribeRuleResponse actual = describeRule(bus, rule);
        if (actual != null
                && JsonDocuments.same(actual.eventPattern(), rule.eventPattern())
                && Objects.equals(actual.description(), rule.description())
                && actual.state() == RuleState.ENABLED) {
            return;
        }
        events.putRule(request -> request.eventBusName(bus.name())
                .name(rule.name())
                .description(rule.description())
                .eventPattern(JsonDocuments.write(rule.eventPattern()))
                .state(RuleState.ENABLED));
        if (actual == null) {
            report.created(ResourceKind.EVENT_RULE, name);
        } else {
            report.updated(ResourceKind.EVENT_RULE, name, "pattern, description or state");
        }
    }

    /** Puts the targets that are missing or point elsewhere; each target is a queue ARN. */
    void applyTargets(EventBus bus, Rule rule, Map<String, String> queueArnsById, ProvisioningReport.Recorder report) {
        Map<String, Target> actual = targetsOf(bus, rule);
        List<Target> changed = new ArrayList<>();
        queueArnsById.forEach((id, arn) -> {
            Target existing = actual.get(id);
            if (existing == null
                    || !arn.equals(existing.arn())
                    || existing.input() != null
                    || existing.inputPath() != null
                    || existing.inputTransformer() != null) {
                changed.add(Target.builder().id(id).arn(arn).build());
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        PutTargetsResponse response = events.putTargets(
                request -> request.eventBusName(bus.name()).rule(rule.name()).targets(changed));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException(
                    "PutTargets failed for rule " + bus.name() + "/" + rule.name() + ": " + response.failedEntries());
        }
        for (Target target : changed) {
            String name = bus.name() + "/" + rule.name() + "/" + target.id();
            if (actual.containsKey(target.id())) {
                report.updated(ResourceKind.EVENT_TARGET, name, "arn " + target.arn());
            } else {
                report.created(ResourceKind.EVENT_TARGET, name);
            }
        }
    }

    /** Creates the archive if it is missing, or updates its pattern and retention if they differ. */
    void applyArchive(String busArn, Archive archive, ProvisioningReport.Recorder report) {
        DescribeArchiveResponse actual = describeArchive(archive.name());
        String pattern = archive.eventPattern() == null ? null : JsonDocuments.write(archive.eventPattern());
        if (actual == null) {
            try {
                events.createArchive(request -> request.archiveName(archive.name())
                        .eventSourceArn(busArn)
                        .eventPattern(pattern)
                        .retentionDays(archive.retentionDays()));
                report.created(ResourceKind.EVENT_ARCHIVE, archive.name());
            } catch (ResourceAlreadyExistsException createdMeanwhile) {
                // Another service, provisioning at the same time, created it first.
            }
        } else if (!JsonDocuments.same(actual.eventPattern(), archive.eventPattern())
                || !Objects.equals(actual.retentionDays(), archive.retentionDays())) {
            events.updateArchive(request ->
                    request.archiveName(archive.name()).eventPattern(pattern).retentionDays(archive.retentionDays()));
            report.updated(ResourceKind.EVENT_ARCHIVE, archive.name(), "pattern or retention");
        }
    }

    boolean busExists(String name) {
        try {
            events.describeEventBus(request -> request.name(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    boolean ruleExists(EventBus bus, Rule rule) {
        return describeRule(bus, rule) != null;
    }

    boolean archiveExists(String name) {
        return describeArchive(name) != null;
    }

    Map<String, Target> targetsOf(EventBus bus, Rule rule) {
        try {
            return events
                    .listTargetsByRule(
                            request -> request.eventBusName(bus.name()).rule(rule.name()))
                    .targets()
                    .stream()
                    .collect(Collectors.toMap(Target::id, target -> target));
        } catch (ResourceNotFoundException e) {
            return Map.of();
        }
    }

    private DescribeRuleResponse describeRule(EventBus bus, Rule rule) {
        try {
            return events.describeRule(
                    request -> request.eventBusName(bus.name()).name(rule.name()));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private DescribeArchiveResponse describeArchive(String name) {
        try {
            return events.describeArchive(request -> request.archiveName(name));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }
}
