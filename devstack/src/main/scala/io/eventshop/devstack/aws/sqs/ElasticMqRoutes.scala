package io.eventshop.devstack.aws.sqs

import java.util.concurrent.{CompletableFuture, CompletionStage, TimeUnit}
import java.util.function.{Function => JFunction}

import scala.concurrent.{ExecutionContext, Future}
import scala.concurrent.duration.FiniteDuration
import scala.util.{Failure, Success}

import org.apache.pekko.actor.{ActorRef, ActorSystem, Props}
import org.apache.pekko.http.javadsl.{model => jm}
import org.apache.pekko.http.scaladsl.model.HttpRequest
import org.apache.pekko.http.scaladsl.server.Directives._
import org.apache.pekko.http.scaladsl.server.Route
import org.apache.pekko.stream.Materializer
import org.apache.pekko.util.Timeout
import org.elasticmq.{Limits, NodeAddress, StrictSQSLimits}
import org.elasticmq.util.NowProvider
import org.elasticmq.rest.sqs._
import org.elasticmq.rest.sqs.XmlNsVersion.extractXmlNs
import org.elasticmq.rest.sqs.directives._
import org.elasticmq.rest.sqs.model.RequestPayload

/** ElasticMQ's SQS API as a function from request to response, with no HTTP server of its own.
  *
  * ElasticMQ builds its routes inside `SQSRestServerBuilder.start()` and binds them to a port at once. The endpoint
  * already has a port, so this object puts the same routes together from ElasticMQ's own modules, the way that method
  * does (ElasticMQ 1.7.1), and lets the endpoint call them in process. An SQS request then crosses one HTTP server, not
  * two. It is Scala, as is OldestGroupFirst.scala: ElasticMQ's modules are Scala traits, and only Scala can mix them.
  */
object ElasticMqRoutes {

  /** ElasticMQ builds its entities in memory; reading one cannot take long. */
  private val EntityTimeout = FiniteDuration(10, TimeUnit.SECONDS)

  /** A new ElasticMQ in `system`, with SQS's own limits, its routes and the endpoint's own sends to its queues
    * ([[QueueSends]], whose queue URLs, in errors only, start with `queueUrlPrefix`). Queue URLs are built from each
    * request's URI. Its FIFO queues serve their message groups oldest first ([[OldestGroupFirstQueueManager]]). Its
    * queues report every message they add, change or remove to `queueEvents`, and wait for its answer before they
    * answer the request (ElasticMQ's queue event listener, which its persistence uses).
    *
    * Each response comes with its entity in memory, and completes its Java future in a task of its own on ElasticMQ's
    * dispatcher. `Route.toFunction` runs the routes' continuations on whichever thread completes a reply, often inside
    * a queue's actor. Joined to the caller's chain there by Scala's `asJava` instead, the caller's callbacks were seen
    * to be lost when a long poll and a send met on one queue (`SqsIntegrationTests` caught it), so the two are kept
    * apart.
    */
  def start(
      system: ActorSystem,
      region: String,
      accountId: String,
      queueEvents: ActorRef,
      queueUrlPrefix: String
  ): Started = {
    implicit val actorSystem: ActorSystem = system
    implicit val dispatcher: ExecutionContext = system.dispatcher
    val limits = StrictSQSLimits
    val queueManager =
      system.actorOf(
        Props(new OldestGroupFirstQueueManager(new NowProvider(), limits, Some(queueEvents))),
        "queues"
      )
    val sqs = new Modules(system, queueManager, limits, region, accountId)
    Started(routes(sqs), new QueueSends(sqs, queueManager, queueUrlPrefix)(sqs.timeout, dispatcher))
  }

  /** ElasticMQ's routes, as a function, and the endpoint's own way to its queues ([[QueueSends]]). */
  final case class Started(routes: JFunction[jm.HttpRequest, CompletionStage[jm.HttpResponse]], sends: QueueSends)

  private def routes(sqs: Modules)(implicit
      system: ActorSystem,
      dispatcher: ExecutionContext
  ): JFunction[jm.HttpRequest, CompletionStage[jm.HttpResponse]] = {
    val handler = Route.toFunction(sqs.route)
    request => {
      val answer = new CompletableFuture[jm.HttpResponse]()
      handler(request.asInstanceOf[HttpRequest])
        .flatMap { response =>
          // ElasticMQ's entities are strict already; reading one costs nothing, and needs no thread of its own.
          if (response.entity.isStrict) Future.successful(response)
          else response.entity.toStrict(EntityTimeout).map(response.withEntity)
        }(ExecutionContext.parasitic)
        .onComplete {
          case Success(response) => answer.complete(response)
          case Failure(failure)  => answer.completeExceptionally(failure)
        }
      answer
    }
  }

  /** ElasticMQ's SQS modules, mixed as `SQSRestServerBuilder` mixes them. */
  final class Modules(system: ActorSystem, queueManager: ActorRef, limits: Limits, region: String, accountId: String)
      extends QueueManagerActorModule
      with QueueURLModule
      with ContextPathModule
      with SQSLimitsModule
      with BatchRequestsModule
      with ElasticMQDirectives
      with AnyParamDirectives
      with CreateQueueDirectives
      with DeleteQueueDirectives
      with AWSProtocolDirectives
      with QueueAttributesDirectives
      with ListQueuesDirectives
      with SendMessageDirectives
      with SendMessageBatchDirectives
      with ReceiveMessageDirectives
      with DeleteMessageDirectives
      with DeleteMessageBatchDirectives
      with ChangeMessageVisibilityDirectives
      with ChangeMessageVisibilityBatchDirectives
      with GetQueueUrlDirectives
      with PurgeQueueDirectives
      with AddPermissionDirectives
      with RemovePermissionDirectives
      with AttributesModule
      with TagQueueDirectives
      with TagsModule
      with UnmatchedActionRoutes
      with ResponseMarshaller
      with QueueAttributesOps
      with ListDeadLetterSourceQueuesDirectives
      with StartMessageMoveTaskDirectives
      with CancelMessageMoveTaskDirectives
      with ListMessageMoveTasksDirectives
      with AutoCreateQueuesModule {
    // "*": queue URLs take the scheme, host and port of the request, which are the endpoint's.
    val serverAddress: NodeAddress = NodeAddress("http", "*", 0, "")
    lazy val actorSystem: ActorSystem = system
    lazy val materializer: Materializer = Materializer(system)
    lazy val queueManagerActor: ActorRef = queueManager
    lazy val sqsLimits: Limits = limits
    // Longer than the longest long poll, 20 s, as in ElasticMQ's own server.
    lazy val timeout: Timeout = Timeout(21, TimeUnit.SECONDS)
    lazy val contextPath: String = serverAddress.contextPathStripped
    lazy val awsRegion: String = region
    lazy val awsAccountId: String = accountId
    lazy val autoCreateQueues: AutoCreateQueuesConfig = AutoCreateQueuesConfig.disabled

    private def actions(p: RequestPayload)(implicit marshalling: MarshallerDependencies): Route =
      concat(
        sendMessage(p),
        sendMessageBatch(p),
        receiveMessage(p),
        deleteMessage(p),
        deleteMessageBatch(p),
        getQueueUrl(p),
        createQueue(p),
        listQueues(p),
        purgeQueue(p),
        changeMessageVisibility(p),
        changeMessageVisibilityBatch(p),
        deleteQueue(p),
        getQueueAttributes(p),
        setQueueAttributes(p),
        addPermission(p),
        removePermission(p),
        tagQueue(p),
        untagQueue(p),
        listQueueTags(p),
        listDeadLetterSourceQueues(p),
        startMessageMoveTask(p),
        cancelMessageMoveTask(p),
        listMessageMoveTasks(p),
        unmatchedAction(p)
      )

    /** Every SQS action, in either protocol. */
    def route: Route = extractXmlNs { (xmlNs: XmlNsVersion) =>
      implicit val version: XmlNsVersion = xmlNs
      extractProtocol { (awsProtocol: AWSProtocol) =>
        implicit val protocol: AWSProtocol = awsProtocol
        handleServerExceptions(protocol) {
          handleRejectionsWithSQSError(protocol) {
            anyParamsMap(protocol) { p =>
              actions(p)(MarshallerDependencies(protocol, version))
            }
          }
        }
      }
    }
  }
}
