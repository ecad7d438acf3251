package io.eventshop.devstack.aws.sqs

import scala.collection.mutable

import org.elasticmq.{DeduplicationId, FifoDeduplicationIdsHistory}
import org.elasticmq.actor.queue.{InternalMessage, MessageQueue, ReceiveRequestAttemptCache}
import org.elasticmq.actor.queue.ReceiveRequestAttemptCache.ReceiveFailure
import org.elasticmq.util.NowProvider

/** A FIFO queue's deduplication ids of the last five minutes, with ElasticMQ's answers at a constant cost per message.
  *
  * ElasticMQ 1.7.1 keeps them in an immutable `List` and appends each new id with `:+`, which copies the list: a send
  * costs more the more messages the queue took in the last five minutes (18,000 at 60 messages a second). This history
  * indexes the ids in a hash map and keeps them in arrival order in a queue, so that a send adds one entry and the
  * periodic clean-up takes the expired ones off the front. It is mutable, and returns itself where ElasticMQ's returns
  * a copy; the queue actor, its only user, keeps whatever it gets back.
  */
final class IndexedDeduplicationHistory extends FifoDeduplicationIdsHistory(Map.empty, Nil) {

  private val messagesById = mutable.HashMap.empty[DeduplicationId, InternalMessage]
  private val oldestFirst = mutable.Queue.empty[InternalMessage]

  override def addNew(message: InternalMessage): FifoDeduplicationIdsHistory = {
    message.messageDeduplicationId.foreach { id =>
      if (!messagesById.contains(id)) {
        messagesById.put(id, message)
        oldestFirst.enqueue(message)
      }
    }
    this
  }

  override def wasRegistered(deduplicationId: Option[DeduplicationId]): Option[InternalMessage] =
    deduplicationId.flatMap(messagesById.get)

  /** Forgets the ids that arrived more than five minutes ago, as ElasticMQ's clean-up does. */
  override def cleanOutdatedMessages(nowProvider: NowProvider): FifoDeduplicationIdsHistory = {
    val now = nowProvider.now
    while (
      oldestFirst.nonEmpty &&
      oldestFirst.head.created.plusMinutes(FifoDeduplicationIdsHistory.DeduplicationIntervalMinutes).isBefore(now)
    ) {
      oldestFirst.dequeue().messageDeduplicationId.foreach(messagesById.remove)
    }
    this
  }

  /** How many ids it holds. */
  def size: Int = messagesById.size
}

/** The receive request attempts of a FIFO queue's last fifteen minutes, with ElasticMQ's answers, pruned from the
  * oldest.
  *
  * ElasticMQ 1.7.1 scans every cached attempt on every receive that carries an attempt id (the AWS SDK and Spring Cloud
  * AWS send one with each FIFO receive) to drop those older than fifteen minutes: a receive costs more the more
  * receives the queue served in that time. This cache keeps the attempts in the order they were cached, so a receive
  * looks only at the oldest ones, and stops at the first that has not expired.
  */
final class PrunedReceiveRequestAttemptCache extends ReceiveRequestAttemptCache {

  private val attempts = mutable.LinkedHashMap.empty[String, (Long, List[InternalMessage])]

  override def add(attemptId: String, messages: List[InternalMessage])(implicit nowProvider: NowProvider): Unit = {
    val now = nowProvider.nowMillis
    // Taken out first, so that the attempt moves to the end: the map stays in the order of the times it holds.
    val _ = attempts.remove(attemptId)
    attempts.put(attemptId, (now, messages))
    while (
      attempts.headOption.exists { case (_, (cachedAt, _)) => cachedAt + PrunedReceiveRequestAttemptCache.Kept < now }
    )
      attempts.remove(attempts.head._1)
  }

  override def get(attemptId: String, messageQueue: MessageQueue)(implicit
      nowProvider: NowProvider
  ): Either[ReceiveFailure, Option[List[InternalMessage]]] =
    attempts.get(attemptId) match {
      case Some((cachedAt, _)) if cachedAt + PrunedReceiveRequestAttemptCache.Valid < nowProvider.nowMillis =>
        val _ = attempts.remove(attemptId)
        Left(ReceiveFailure.Expired)
      case Some((_, messages)) if !messages.forall(stillOnQueueUnchanged(messageQueue)) =>
        Left(ReceiveFailure.Invalid)
      case Some((_, messages)) => Right(Some(messages))
      case None                => Right(None)
    }

  /** A message of an earlier attempt can be returned again only while it is on the queue, not received since. */
  private def stillOnQueueUnchanged(messageQueue: MessageQueue)(message: InternalMessage): Boolean =
    messageQueue.getById(message.id).exists(_.nextDelivery == message.nextDelivery)

  /** How many attempts it holds. */
  def size: Int = attempts.size
}

object PrunedReceiveRequestAttemptCache {

  /** How long an attempt id can be retried: five minutes, as in SQS and ElasticMQ. */
  val Valid: Long = 5 * 60 * 1000L

  /** How long an attempt is kept, as in ElasticMQ: fifteen minutes. */
  val Kept: Long = 15 * 60 * 1000L
}
