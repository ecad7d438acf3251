package io.eventshop.messaging.listener;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;

/**
 * The listener's SQS client, whose deletes to one queue share requests: a {@code DeleteMessageBatch} made while another
 * one to the same queue is in flight waits for it, then goes out together with every other one that waited, up to
 * SQS's ten entries a request. When nothing is in flight a delete goes out at once, so an idle service deletes each
 * message as soon as its handler has committed, and a busy one makes a request for several.
 *
 * <p>The listener deletes each message once its handler has committed, in a request of its own (Spring Cloud AWS's
 * immediate acknowledgement, which a timed batch would delay: a message still waiting for its delete when the service
 * stops is received again). Under load that was the most frequent request a service made: one per message, a third of
 * all the requests of an order. Each caller gets the answer for its own entries: those that failed in the shared
 * request, or its failure.
 */
final class GatheredDeletes {

    /** SQS takes at most ten entries in one DeleteMessageBatch. */
    private static final int MAX_ENTRIES = 10;

    private final SqsAsyncClient sqs;
    private final Map<String, QueueDeletes> queues = new ConcurrentHashMap<>();

    private GatheredDeletes(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    /**
     * A client that makes {@code sqs}'s calls, its {@code DeleteMessageBatch(request)} calls gathered. The AWS SDK has
     * no delegating SQS client to extend, and the interface has some sixty methods, so it is a proxy: every other call
     * goes to {@code sqs} unchanged.
     */
    static SqsAsyncClient around(SqsAsyncClient sqs) {
        return withDeletes(sqs, new GatheredDeletes(sqs)::deleteMessageBatch);
    }

    /** A client that makes {@code sqs}'s calls but its {@code DeleteMessageBatch(request)}, which {@code deletes} makes. */
    static SqsAsyncClient withDeletes(
            SqsAsyncClient sqs,
            Function<DeleteMessageBatchRequest, CompletableFuture<DeleteMessageBatchResponse>> deletes) {
        return (SqsAsyncClient) Proxy.newProxyInstance(
                SqsAsyncClient.class.getClassLoader(), new Class<?>[] {SqsAsyncClient.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof DeleteMessageBatchRequest request) {
                        return deletes.apply(request);
                    }
                    try {
                        return method.invoke(sqs, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private CompletableFuture<DeleteMessageBatchResponse> deleteMessageBatch(DeleteMessageBatchRequest request) {
        return queues.computeIfAbsent(request.queueUrl(), QueueDeletes::new).submit(request);
    }

    /** A caller's request, and the answer it waits for. */
    private record Waiting(DeleteMessageBatchRequest request, CompletableFuture<DeleteMessageBatchResponse> answer) {}

    /** The deletes of one queue: at most one request in flight, and the calls that wait for it. */
    private final class QueueDeletes {

        private final String queueUrl;
        private final Deque<Waiting> waiting = new ArrayDeque<>();
        private boolean inFlight;

        QueueDeletes(String queueUrl) {
            this.queueUrl = queueUrl;
        }

        CompletableFuture<DeleteMessageBatchResponse> submit(DeleteMessageBatchRequest request) {
            var call = new Waiting(request, new CompletableFuture<>());
            boolean sendNow;
            synchronized (this) {
                waiting.add(call);
                sendNow = !inFlight;
                inFlight = true;
            }
            if (sendNow) {
                sendWaiting();
            }
            return call.answer();
        }

        /** Sends the calls that wait, as many as fit in one request; the last answer sends the next. */
        private void sendWaiting() {
            List<Waiting> calls = new ArrayList<>();
            synchronized (this) {
                int entries = 0;
                while (!waiting.isEmpty()
                        && (calls.isEmpty()
                                || entries + waiting.peek().request().entries().size() <= MAX_ENTRIES)) {
                    Waiting next = waiting.poll();
                    calls.add(next);
                    entries += next.request().entries().size();
                }
                if (calls.isEmpty()) {
                    inFlight = false;
                    return;
                }
            }
            // Alone, a caller's request goes out as it is, its options included.
            Shared shared = calls.size() == 1 ? null : Shared.of(queueUrl, calls);
            send(shared == null ? calls.getFirst().request() : shared.request()).whenComplete((response, failure) -> {
                for (int i = 0; i < calls.size(); i++) {
                    DeleteMessageBatchResponse own =
                            failure != null || shared == null ? response : shared.answerFor(i, response);
                    complete(calls.get(i), own, failure);
                }
                sendWaiting();
            });
        }

        private CompletableFuture<DeleteMessageBatchResponse> send(DeleteMessageBatchRequest request) {
            try {
                return sqs.deleteMessageBatch(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private static void complete(Waiting call, DeleteMessageBatchResponse response, Throwable failure) {
            if (failure != null) {
                call.answer().completeExceptionally(failure);
            } else {
                call.answer().complete(response);
            }
        }
    }

    /**
     * One request for several callers. Its entries are renamed by position ({@code "3"} is the fourth), since two
     * callers may have used the same id; each answer gets its caller's ids back.
     */
    private record Shared(DeleteMessageBatchRequest request, List<List<DeleteMessageBatchRequestEntry>> entriesByCall) {

        static Shared of(String queueUrl, List<Waiting> calls) {
            List<DeleteMessageBatchRequestEntry> renamed = new ArrayList<>();
            List<List<DeleteMessageBatchRequestEntry>> entriesByCall = new ArrayList<>();
            for (Waiting call : calls) {
                entriesByCall.add(call.request().entries());
                for (DeleteMessageBatchRequestEntry entry : call.request().entries()) {
                    renamed.add(entry.toBuilder()
                            .id(Integer.toString(renamed.size()))
                            .build());
                }
            }
            return new Shared(
                    DeleteMessageBatchRequest.builder()
                            .queueUrl(queueUrl)
                            .entries(renamed)
                            .build(),
                    entriesByCall);
        }

        /** The part of the shared answer that is the {@code call}-th caller's, under its own entry ids. */
        DeleteMessageBatchResponse answerFor(int call, DeleteMessageBatchResponse shared) {
            int first = 0;
            for (int i = 0; i < call; i++) {
                first += entriesByCall.get(i).size();
            }
            List<DeleteMessageBatchRequestEntry> own = entriesByCall.get(call);
            List<DeleteMessageBatchResultEntry> successful = new ArrayList<>();
            for (DeleteMessageBatchResultEntry entry : shared.successful()) {
                int position = Integer.parseInt(entry.id()) - first;
                if (position >= 0 && position < own.size()) {
                    successful.add(entry.toBuilder().id(own.get(position).id()).build());
                }
            }
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (BatchResultErrorEntry entry : shared.failed()) {
                int position = Integer.parseInt(entry.id()) - first;
                if (position >= 0 && position < own.size()) {
                    failed.add(entry.toBuilder().id(own.get(position).id()).build());
                }
            }
            return DeleteMessageBatchResponse.builder()
                    .successful(successful)
                    .failed(failed)
                    .build();
        }
    }
}
