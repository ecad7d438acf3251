package io.eventshop.devstack.aws.events;

import io.eventshop.devstack.aws.AwsAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything EventBridge holds in memory: buses (with their rules), archives and replays, by name. Callers hold its
 * monitor while they read or change it; deliveries to SQS happen outside it.
 */
final class Registry {

    private static final String BUS_PREFIX = "event-bus/";

    private final AwsAccount account;
    private final Map<String, EventBus> buses = new TreeMap<>();
    private final Map<String, Archive> archives = new TreeMap<>();
    private final Map<String, Replay> replays = new TreeMap<>();

    Registry(AwsAccount account) {
        this.account = account;
        buses.put(EventBus.DEFAULT, new EventBus(EventBus.DEFAULT, busArn(EventBus.DEFAULT), Instant.now()));
    }

    AwsAccount account() {
        return account;
    }

    String busArn(String name) {
        return account.arn("events", BUS_PREFIX + name);
    }

    String ruleArn(String busName, String ruleName) {
        String resource = busName.equals(EventBus.DEFAULT) ? ruleName : busName + "/" + ruleName;
        return account.arn("events", "rule/" + resource);
    }

    /** The bus a request names, by name or ARN; the default bus when it names none. */
    EventBus bus(String nameOrArn) {
        EventBus bus = findBus(nameOrArn);
        if (bus == null) {
            throw EventBridgeException.notFound("Event bus " + busName(nameOrArn) + " does not exist.");
        }
        return bus;
    }

    EventBus findBus(String nameOrArn) {
        return buses.get(busName(nameOrArn));
    }

    static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return EventBus.DEFAULT;
        }
        if (nameOrArn.startsWith("arn:")) {
            try {
                String resource = AwsAccount.resourceOf(nameOrArn);
                return resource.startsWith(BUS_PREFIX) ? resource.substring(BUS_PREFIX.length()) : resource;
            } catch (IllegalArgumentException notAnArn) {
                return nameOrArn;
            }
        }
        return nameOrArn;
    }

    EventBus createBus(String name) {
        if (buses.containsKey(name)) {
            throw EventBridgeException.alreadyExists("Event bus " + name + " already exists.");
        }
        EventBus bus = new EventBus(name, busArn(name), Instant.now());
        buses.put(name, bus);
        return bus;
    }

    void deleteBus(String name) {
        buses.remove(name);
    }

    List<EventBus> buses() {
        return List.copyOf(buses.values());
    }

    void addArchive(Archive archive) {
        if (archives.putIfAbsent(archive.name(), archive) != null) {
            throw EventBridgeException.alreadyExists("Archive " + archive.name() + " already exists.");
        }
    }

    Archive archive(String name) {
        Archive archive = archives.get(name);
        if (archive == null) {
            throw EventBridgeException.notFound("Archive " + name + " does not exist.");
        }
        return archive;
    }

    void deleteArchive(String name) {
        archives.remove(archive(name).name());
    }

    List<Archive> archives() {
        return List.copyOf(archives.values());
    }

    void addReplay(Replay replay) {
        if (replays.putIfAbsent(replay.name(), replay) != null) {
            throw EventBridgeException.alreadyExists("Replay " + replay.name() + " already exists.");
        }
    }

    Replay replay(String name) {
        Replay replay = replays.get(name);
        if (replay == null) {
            throw EventBridgeException.notFound("Replay " + name + " does not exist.");
        }
        return replay;
    }

    List<Replay> replays() {
        return List.copyOf(replays.values());
    }
}
