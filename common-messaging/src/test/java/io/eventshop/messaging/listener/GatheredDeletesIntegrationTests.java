package io.eventshop.messaging.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.messaging.testing.AwsFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(LocalAwsExtension.class)
class GatheredDeletesIntegrationTests {

    private static AwsFixtures aws;
    private static SqsAsyncClient sqs;

    @BeforeAll
    static void connect(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        sqs = SqsAsyncClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void close() {
        sqs.close();
        aws.close();
    }

    @Test
    void deletesMadeWhileOneIsInFlightGoOutTogetherTenAtMost() {
        String queue = aws.queue("gathered-" + UUID.randomUUID(), Map.of());
        List<Message> messages = sendAndReceive(queue, 21);
        var held = new HeldDeletes();
        SqsAsyncClient client = GatheredDeletes.around(held.client());

        List<CompletableFuture<DeleteMessageBatchResponse>> answers = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            answers.add(client.deleteMessageBatch(
                    deleteOf(queue, "m" + i, messages.get(i).receiptHandle())));
        }
        held.release();

        for (int i = 0; i < answers.size(); i++) {
            DeleteMessageBatchResponse answer = answers.get(i).join();
            assertThat(answer.successful())
                    .extracting(DeleteMessageBatchResultEntry::id)
                    .containsExactly("m" + i);
            assertThat(answer.failed()).isEmpty();
        }
        assertThat(held.entriesPerRequest()).containsExactly(1, 10, 10);
        assertThat(aws.messagesIn(queue)).isZero();
    }

    @Test
    void eachCallerHearsOfItsOwnEntriesOnlyEvenWhenTwoUseTheSameId() {
        String queue = aws.queue("gathered-" + UUID.randomUUID(), Map.of());
        List<Message> messages = sendAndReceive(queue, 2);
        var held = new HeldDeletes();
        SqsAsyncClient client = GatheredDeletes.around(held.client());

        var first =
                client.deleteMessageBatch(deleteOf(queue, "a", messages.get(0).receiptHandle()));
        var valid = client.deleteMessageBatch(
                deleteOf(queue, "same", messages.get(1).receiptHandle()));
        var invalid = client.deleteMessageBatch(deleteOf(queue, "same", "not-a-receipt-handle"));
        held.release();

        assertThat(first.join().successful())
                .extracting(DeleteMessageBatchResultEntry::id)
                .containsExactly("a");
        assertThat(valid.join().successful())
                .extracting(DeleteMessageBatchResultEntry::id)
                .containsExactly("same");
        assertThat(valid.join().failed()).isEmpty();
        assertThat(invalid.join().successful()).isEmpty();
        assertThat(invalid.join().failed())
                .extracting(BatchResultErrorEntry::id)
                .containsExactly("same");
        assertThat(held.entriesPerRequest()).containsExactly(1, 2);
        assertThat(aws.messagesIn(queue)).isZero();
    }

    @Test
    void everyOtherCallGoesToTheClientUnchanged() {
        String queue = aws.queue("gathered-" + UUID.randomUUID(), Map.of());
        SqsAsyncClient client = GatheredDeletes.around(sqs);

        client.sendMessage(request -> request.queueUrl(queue).messageBody("passed through"))
                .join();

        assertThat(aws.receive(queue, 1)).extracting(Message::body).containsExactly("passed through");
    }

    private static List<Message> sendAndReceive(String queue, int count) {
        for (int i = 0; i < count; i++) {
            String body = "message " + i;
            aws.sqs().sendMessage(request -> request.queueUrl(queue).messageBody(body));
        }
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(aws.sqs()
                    .receiveMessage(request -> request.queueUrl(queue)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(60)
                            .waitTimeSeconds(1))
                    .messages());
            return received.size() >= count;
        });
        return received;
    }

    private static DeleteMessageBatchRequest deleteOf(String queue, String id, String receiptHandle) {
        return DeleteMessageBatchRequest.builder()
                .queueUrl(queue)
                .entries(entry -> entry.id(id).receiptHandle(receiptHandle))
                .build();
    }

    /**
     * The real client, with its first DeleteMessageBatch held until {@link #release()}, so that the calls made
     * meanwhile wait for one in flight whatever the machine's speed. It records each request's number of entries.
     */
    private static final class HeldDeletes {

        private final CompletableFuture<Void> gate = new CompletableFuture<>();
        private final List<Integer> entriesPerRequest = new CopyOnWriteArrayList<>();

        SqsAsyncClient client() {
            return GatheredDeletes.withDeletes(sqs, request -> {
                boolean first = entriesPerRequest.isEmpty();
                entriesPerRequest.add(request.entries().size());
                return first
                        ? gate.thenCompose(open -> sqs.deleteMessageBatch(request))
                        : sqs.deleteMessageBatch(request);
            });
        }

        void release() {
            gate.complete(null);
        }

        List<Integer> entriesPerRequest() {
            return entriesPerRequest;
        }
    }
}
