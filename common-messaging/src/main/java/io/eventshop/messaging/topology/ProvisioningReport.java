package io.eventshop.messaging.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of the {@link TopologyProvisioner} changed. Provisioning is idempotent, so a second run against the
 * same endpoint returns an empty report.
 *
 * @param changes the resources created or updated, in the order the provisioner touched them
 */
public record ProvisioningReport(List<Change> changes) {

    /** Whether a resource was new or had attributes that differed from the topology. */
    public enum Action {
        CREATED,
        UPDATED
    }

    /**
     * One created or updated resource.
     *
     * @param action created or updated
     * @param kind the kind of resource
     * @param name the resource's name, such as a queue name or {@code bus/rule}
     * @param detail what was set, such as the attributes that differed
     */
    public record Change(Action action, ResourceKind kind, String name, String detail) {

        @Override
        public String toString() {
            return action + " " + kind + " " + name + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public ProvisioningReport {
        changes = List.copyOf(changes);
    }

    /** Whether the run changed nothing, as a second run should. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes that created a resource. */
    public List<Change> created() {
        return changes.stream()
                .filter(change -> change.action() == Action.CREATED)
                .toList();
    }

    /** The changes that updated an existing resource. */
    public List<Change> updated() {
        return changes.stream()
                .filter(change -> change.action() == Action.UPDATED)
                .toList();
    }

    @Override
    public String toString() {
        return changes.isEmpty() ? "no changes" : changes.size() + " changes: " + changes;
    }

    /** Collects changes during a run. */
    static final class Recorder {

        private final List<Change> changes = new ArrayList<>();

        void created(ResourceKind kind, String name) {
            changes.add(new Change(Action.CREATED, kind, name, ""));
        }

        void updated(ResourceKind kind, String name, String detail) {
            changes.add(new Change(Action.UPDATED, kind, name, detail));
        }

        ProvisioningReport report() {
            return new ProvisioningReport(changes);
        }
    }
}
