package io.eventshop.devstack.aws.events;

import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.http.AwsRequest;
import io.eventshop.devstack.aws.http.AwsResponse;
import io.eventshop.devstack.aws.http.AwsService;
import io.eventshop.devstack.aws.sqs.QueueDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** EventBridge over AWS JSON 1.1: buses, rules, SQS targets, archives and replays. */
public final class EventBridgeService implements AwsService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventBridgeService.class);

    private final Registry registry;
    private final ReplayRunner replays;
    private final Map<String, Operation> operations = new HashMap<>();

    public EventBridgeService(AwsAccount account, QueueDelivery delivery) {
        this.registry = new Registry(account);
        var targetDelivery = new TargetDelivery(delivery);
        this.replays = new ReplayRunner(registry, targetDelivery);
        new BusOperations(registry).register(operations);
        new RuleOperations(registry).register(operations);
        new TargetOperations(registry).register(operations);
        new PutEventsOperation(registry, targetDelivery).register(operations);
        new ArchiveOperations(registry).register(operations);
        new ReplayOperations(registry, replays).register(operations);
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String name = AwsJson.operation(request);
        try {
            Operation operation = operations.get(name);
            if (operation == null) {
                throw new EventBridgeException(
                        "UnknownOperationException", 400, "The operation " + name + " is not supported.");
            }
            return AwsJson.ok(operation.run(new JsonInput(AwsJson.parse(request))));
        } catch (EventBridgeException e) {
            return AwsJson.error(e);
        } catch (RuntimeException e) {
            log.error("EventBridge {} failed", name, e);
            return AwsJson.error(new EventBridgeException("InternalException", 500, String.valueOf(e.getMessage())));
        }
    }

    /** Buses, rules and targets, for the devstack's state page. */
    public Map<String, Object> state() {
        List<Map<String, Object>> buses = new ArrayList<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        synchronized (registry) {
            for (EventBus bus : registry.buses()) {
                buses.add(Map.of("name", bus.name(), "arn", bus.arn()));
                bus.rules().forEach(rule -> rules.add(stateOf(rule)));
            }
        }
        return Map.of("buses", buses, "rules", rules);
    }

    /**
     * Each bus with its rules (patterns and targets, with their delivery counts) and its archives, for the devstack
     * console. A target's {@code deadLetterQueueArn} is the queue of its DeadLetterConfig, or null.
     */
    public List<Map<String, Object>> busesWithRules() {
        List<Map<String, Object>> buses = new ArrayList<>();
        synchronized (registry) {
            for (EventBus bus : registry.buses()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("name", bus.name());
                view.put("arn", bus.arn());
                view.put(
                        "rules",
                        bus.rules().stream().map(EventBridgeService::overview).toList());
                view.put(
                        "archives",
                        registry.archives().stream()
                                .filter(archive -> archive.sourceArn().equals(bus.arn()))
                                .map(EventBridgeService::overview)
                                .toList());
                buses.add(view);
            }
        }
        return buses;
    }

    private static Map<String, Object> overview(Rule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", rule.name());
        view.put("state", rule.state());
        view.put("description", rule.description());
        view.put("eventPattern", rule.pattern());
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Target target : rule.targets()) {
            Map<String, Object> targetView = new LinkedHashMap<>();
            targetView.put("id", target.id());
            targetView.put("arn", target.queueArn());
            targetView.put("deadLetterQueueArn", target.deadLetterArn());
            targetView.put("delivered", target.delivered());
            targetView.put("failed", target.failed());
            targets.add(targetView);
        }
        view.put("targets", targets);
        return view;
    }

    private static Map<String, Object> overview(Archive archive) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", archive.name());
        view.put("arn", archive.arn());
        view.put("eventPattern", archive.pattern());
        view.put("retentionDays", archive.retentionDays());
        view.put("eventCount", archive.eventCount());
        view.put("sizeBytes", archive.sizeBytes());
        return view;
    }

    private static Map<String, Object> stateOf(Rule rule) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", rule.name());
        state.put("bus", rule.busName());
        state.put("arn", rule.arn());
        state.put("state", rule.state());
        state.put("eventPattern", rule.pattern());
        state.put(
                "targets",
                rule.targets().stream()
                        .map(target -> Map.of(
                                "id", target.id(),
                                "arn", target.queueArn(),
                                "delivered", target.delivered(),
                                "failed", target.failed()))
                        .toList());
        return state;
    }

    @Override
    public void close() {
        replays.close();
    }
}
