package io.eventshop.devstack.aws.sqs

import java.util.UUID

import scala.collection.mutable

import org.apache.pekko.actor.{ActorRef, Props}
import org.elasticmq.{Limits, QueueData}
import org.elasticmq.actor.QueueManagerActor
import org.elasticmq.actor.queue.{InternalMessage, MessageQueue, QueueActor, ReceiveRequestAttemptCache}
import org.elasticmq.actor.reply.ReplyAction
import org.elasticmq.msg.{ClearQueue, QueueQueueMsg}
import org.elasticmq.util.NowProvider

/** ElasticMQ's queue manager, whose FIFO queues serve their message groups oldest first.
  *
  * ElasticMQ 1.7.1's `FifoMessageQueue` picks the next group with `keySet.headOption` on a `HashMap` of groups, so a
  * receive serves the ready groups in hash order. Under a backlog, groups that hash early are served again and again
  * while one that hashes late waits for the backlog to drain. This manager differs from ElasticMQ's only in the actor
  * of a FIFO queue: its messages are held in an [[OldestGroupFirstQueue]], the one change of behaviour, and its
  * deduplication ids and receive attempts in structures whose cost does not grow with the queue's traffic, with
  * ElasticMQ's answers ([[IndexedDeduplicationHistory]], [[PrunedReceiveRequestAttemptCache]], in FifoHistories.scala).
  * Standard queues are ElasticMQ's own.
  */
final class OldestGroupFirstQueueManager(nowProvider: NowProvider, limits: Limits, queueEvents: Option[ActorRef])
    extends QueueManagerActor(nowProvider, limits, queueEvents) {

  /** ElasticMQ's `createQueueActor` (1.7.1), with the queue's message store replaced when the queue is FIFO. */
  override protected def createQueueActor(
      nowProvider: NowProvider,
      queueData: QueueData,
      queueEventListener: Option[ActorRef]
  ): ActorRef =
    if (!queueData.isFifo) super.createQueueActor(nowProvider, queueData, queueEventListener)
    else {
      def actorOf(name: Option[String]) = name.flatMap(queues.get).map(_.actorRef)
      context.actorOf(
        Props(
          new QueueActor(
            nowProvider,
            queueData,
            actorOf(queueData.deadLettersQueue.map(_.name)),
            actorOf(queueData.copyMessagesTo),
            actorOf(queueData.moveMessagesTo),
            queueEventListener
          ) {
            messageQueue = new OldestGroupFirstQueue
            fifoMessagesHistory = new IndexedDeduplicationHistory
            override val receiveRequestAttemptCache: ReceiveRequestAttemptCache = new PrunedReceiveRequestAttemptCache

            /** ElasticMQ starts a history of its own when the queue is purged; ours replaces it, as empty. */
            override def receiveAndReplyQueueMsg[T](msg: QueueQueueMsg[T]): ReplyAction[T] = {
              val reply = super.receiveAndReplyQueueMsg(msg)
              msg match {
                case ClearQueue() => fifoMessagesHistory = new IndexedDeduplicationHistory
                case _            =>
              }
              reply
            }
          }
        ),
        s"queue-${queueData.name}-${UUID.randomUUID().toString.take(8)}"
      )
    }
}

/** A FIFO queue's messages, by group, that a receive takes from the ready groups in the order of their oldest message.
  *
  * A group is ready when its oldest message is visible: while that message is in flight or delayed, the group waits
  * whole, as in ElasticMQ and SQS. A receive of `count` takes the ready group whose oldest message arrived first, as
  * many of its visible messages in a row as it can (SQS, too, returns as many messages of one group as it can), then
  * the next oldest group, until it has `count`. So a group with a visible message is served no later than every group
  * whose messages all arrived after it.
  */
final class OldestGroupFirstQueue extends MessageQueue.SimpleMessageQueue {

  /** Each group's messages; a group's head is its oldest message (`InternalMessage` orders FIFO messages by age). */
  private val groups = mutable.HashMap.empty[String, mutable.PriorityQueue[InternalMessage]]

  override def +=(message: InternalMessage): Unit = {
    messagesById += message.id -> message
    val _ = groups.getOrElseUpdate(groupOf(message), mutable.PriorityQueue.empty) += message
  }

  override def remove(messageId: String): Unit =
    messagesById.remove(messageId).foreach { message =>
      val group = groupOf(message)
      groups.get(group).foreach { messages =>
        val rest = messages.filterNot(_.id == messageId)
        if (rest.isEmpty) groups.remove(group) else groups.update(group, rest)
      }
    }

  override def clear(): Unit = {
    super.clear()
    groups.clear()
  }

  override def filterNot(p: InternalMessage => Boolean): MessageQueue = {
    val kept = new OldestGroupFirstQueue
    messagesById.valuesIterator.filterNot(p).foreach(kept += _)
    kept
  }

  /** Takes messages off the ready groups, oldest group first. ElasticMQ puts each one back once it has recorded the
    * delivery, invisible for the visibility timeout, which keeps its group waiting until it is deleted.
    */
  override def dequeue(count: Int, deliveryTime: Long): List[InternalMessage] = {
    val ready = groups.iterator.filter { case (_, messages) => messages.head.deliverable(deliveryTime) }.toArray
    val oldestFirst = ready.sortWith { case ((_, a), (_, b)) => a.head.compareTo(b.head) > 0 }
    val taken = List.newBuilder[InternalMessage]
    var left = count
    for ((group, messages) <- oldestFirst if left > 0) {
      while (left > 0 && messages.nonEmpty && messages.head.deliverable(deliveryTime)) {
        taken += messages.dequeue()
        left -= 1
      }
      if (messages.isEmpty) groups.remove(group)
    }
    taken.result()
  }

  private def groupOf(message: InternalMessage): String =
    message.messageGroupId.getOrElse(
      throw new IllegalStateException("Messages on a FIFO queue are required to have a message group id")
    )
}
