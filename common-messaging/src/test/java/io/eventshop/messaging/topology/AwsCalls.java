package io.eventshop.messaging.topology;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the calls that AWS clients make, each named as IAM names its action ({@code sqs:GetQueueUrl}), with its
 * request: what a service's IAM role has to allow. Add it to a client with
 * {@code overrideConfiguration(o -> o.addExecutionInterceptor(calls))}.
 */
public final class AwsCalls implements ExecutionInterceptor {

    /** The IAM prefix of each client's service. */
    private static final Map<String, String> IAM_PREFIXES = Map.of("Sqs", "sqs", "Sns", "sns", "EventBridge", "events");

    /** One call: {@code action} such as {@code sns:GetTopicAttributes}, and the request that names the resource. */
    public record Call(String action, SdkRequest request) {

        @Override
        public String toString() {
            return action + " " + request;
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.add(new Call(IAM_PREFIXES.getOrDefault(service, service) + ":" + operation, context.request()));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The actions called, sorted, each once. */
    public Set<String> actions() {
        Set<String> actions = new TreeSet<>();
        calls.forEach(call -> actions.add(call.action()));
        return actions;
    }

    /** The calls of one service, such as {@code sqs}. */
    public List<Call> of(String iamPrefix) {
        return calls.stream()
                .filter(call -> call.action().startsWith(iamPrefix + ":"))
                .toList();
    }

    public void clear() {
        calls.clear();
    }
}
