package io.eventshop.devstack.aws.sqs

import java.util.concurrent.{CompletableFuture, CompletionStage}
import java.util.{List => JList}

import scala.concurrent.{ExecutionContext, Future}
import scala.jdk.CollectionConverters._
import scala.util.{Failure, Success, Try}

import org.apache.pekko.actor.ActorRef
import org.apache.pekko.util.Timeout
import org.elasticmq.{BinaryMessageAttribute, MessageAttribute, NumberMessageAttribute, StringMessageAttribute}
import org.elasticmq.actor.reply._
import org.elasticmq.msg.{GetQueueData, LookupQueue, SendMessage}
import org.elasticmq.rest.sqs.{SendMessageDirectives, SQSException}
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue

/** The endpoint's own sends (SNS deliveries, EventBridge targets, dead letters) straight to ElasticMQ's queue actors.
  *
  * They used to go through an SQS client and ElasticMQ's HTTP routes: marshalled to JSON by the AWS SDK, parsed back by
  * the routes, and each body digested twice for a response that nobody read. That was about a sixth of the endpoint's
  * CPU under the saga. This class skips the wire format only: each message is checked and built by ElasticMQ's own
  * `SendMessage` code (`validateMessageAttributes`, `createMessage`), so a message that SQS would refuse is refused
  * here, with SQS's error code.
  *
  * @param sqs
  *   ElasticMQ's SQS modules, as its routes use them
  * @param queueManager
  *   ElasticMQ's queue manager actor
  */
final class QueueSends(sqs: SendMessageDirectives, queueManager: ActorRef, queueUrlPrefix: String)(implicit
    timeout: Timeout,
    dispatcher: ExecutionContext
) {

  /** Sends the messages to the queue, in order, as one SendMessageBatch would; the outcomes come back in that order. */
  def send(queueName: String, messages: JList[QueueDelivery.Message]): CompletionStage[JList[QueueDelivery.Outcome]] = {
    val answer = new CompletableFuture[JList[QueueDelivery.Outcome]]()
    (queueManager ? LookupQueue(queueName))
      .flatMap {
        case None        => Future.successful(messages.asScala.map(_ => QueueSends.NoSuchQueue).toList)
        case Some(queue) => (queue ? GetQueueData()).flatMap(data => sendAll(queue, data, queueName, messages))
      }
      .onComplete {
        case Success(outcomes) => answer.complete(outcomes.asJava)
        case Failure(failure)  => answer.completeExceptionally(failure)
      }
    answer
  }

  private def sendAll(
      queue: ActorRef,
      data: org.elasticmq.QueueData,
      queueName: String,
      messages: JList[QueueDelivery.Message]
  ): Future[List[QueueDelivery.Outcome]] = {
    // Every ask is made before any answer comes: the queue's mailbox then holds them in this order, as in ElasticMQ's
    // own batch send, so a FIFO queue gets them in order.
    val sends = messages.asScala.toList.zipWithIndex.map { case (message, index) =>
      Try(newMessage(message, data, index, queueName)) match {
        case Success(newMessage) =>
          (queue ? SendMessage(newMessage)).map(_ => QueueDelivery.Outcome.DELIVERED).recover(QueueSends.outcome)
        case Failure(refused) => Future.successful(QueueSends.outcome(refused))
      }
    }
    Future.sequence(sends)
  }

  private def newMessage(
      message: QueueDelivery.Message,
      data: org.elasticmq.QueueData,
      index: Int,
      queueName: String
  ) = {
    val attributes =
      message.attributes().asScala.map { case (name, value) => name -> QueueSends.attribute(value) }.toMap
    sqs.validateMessageAttributes(attributes)
    sqs.createMessage(
      sqs.SendMessageActionRequest(
        DelaySeconds = None,
        MessageBody = message.body(),
        MessageDeduplicationId = if (data.isFifo) Option(message.deduplicationId()) else None,
        MessageGroupId = if (data.isFifo) Option(message.messageGroupId()) else None,
        MessageSystemAttributes = None,
        MessageAttributes = Some(attributes),
        QueueUrl = queueUrlPrefix + queueName
      ),
      data,
      index,
      None
    )
  }
}

object QueueSends {

  private val NoSuchQueue =
    new QueueDelivery.Outcome("AWS.SimpleQueueService.NonExistentQueue: The specified queue does not exist.")

  private val outcome: PartialFunction[Throwable, QueueDelivery.Outcome] = {
    case refused: SQSException => new QueueDelivery.Outcome(refused.code + ": " + refused.message)
    case failure               => new QueueDelivery.Outcome(failure.getClass.getSimpleName + ": " + failure.getMessage)
  }

  /** An SQS message attribute as ElasticMQ keeps it; the data type's part after the dot is its custom type. */
  private def attribute(value: MessageAttributeValue): MessageAttribute = {
    val dataType = value.dataType()
    val dot = dataType.indexOf('.')
    val customType = if (dot < 0) None else Some(dataType.substring(dot + 1))
    (if (dot < 0) dataType else dataType.substring(0, dot)) match {
      case "String" => StringMessageAttribute(value.stringValue(), customType)
      case "Number" => NumberMessageAttribute(value.stringValue(), customType)
      case "Binary" => BinaryMessageAttribute.fromByteBuffer(value.binaryValue().asByteBuffer(), customType)
      case _ => throw SQSException.invalidParameter(s"Attribute type '$dataType' is not String, Number or Binary")
    }
  }
}
