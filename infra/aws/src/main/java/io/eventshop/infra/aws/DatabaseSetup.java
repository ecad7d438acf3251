package io.eventshop.infra.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Creates each service's database and login before the services start: a custom resource runs a one-off Fargate task
 * ({@code infra/aws/database-setup}) as the database's master login, and waits (up to 14 minutes) until it has
 * exited successfully. The services depend on it, so CloudFormation starts them only afterwards; a failed setup fails
 * the deployment.
 *
 * <p>The task runs again whenever its definition changes, for example when a service is added.
 */
final class DatabaseSetup extends Construct {

    /**
     * The custom resource's handler: on create and update it runs the task, waits until it stops, and reports to
     * CloudFormation whether it exited with 0. Node.js's Lambda runtime ships the SDK for ECS.
     */
    private static final String HANDLER = """
            const https = require('https');
            const { ECSClient, RunTaskCommand, DescribeTasksCommand } = require('@aws-sdk/client-ecs');
            const ecs = new ECSClient({});
            const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

            async function runToCompletion(p) {
              const run = await ecs.send(new RunTaskCommand({
                cluster: p.Cluster, taskDefinition: p.TaskDefinition, launchType: 'FARGATE', count: 1,
                networkConfiguration: { awsvpcConfiguration: {
                  subnets: p.Subnets, securityGroups: p.SecurityGroups, assignPublicIp: 'DISABLED' } } }));
              if (run.failures && run.failures.length > 0) throw new Error('RunTask: ' + JSON.stringify(run.failures));
              const taskArn = run.tasks[0].taskArn;
              for (;;) {
                await pause(10000);
                const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: p.Cluster, tasks: [taskArn] }));
                if (tasks[0].lastStatus !== 'STOPPED') continue;
                const exitCode = tasks[0].containers[0].exitCode;
                if (exitCode === 0) return;
                throw new Error('The database setup task failed (exit code ' + exitCode + ', '
                  + (tasks[0].stoppedReason || 'no reason') + '); see its log group');
              }
            }

            function respond(event, status, reason) {
              const body = JSON.stringify({ Status: status, Reason: reason, PhysicalResourceId: 'eventshop-database-setup',
                StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId });
              return new Promise((resolve, reject) => {
                const request = https.request(event.ResponseURL, { method: 'PUT',
                  headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } },
                  (response) => { response.resume(); response.on('end', resolve); });
                request.on('error', reject);
                request.end(body);
              });
            }

            exports.handler = async (event) => {
              try {
                if (event.RequestType !== 'Delete') await runToCompletion(event.ResourceProperties);
                await respond(event, 'SUCCESS', 'The databases and logins are ready');
              } catch (error) {
                console.error(error);
                await respond(event, 'FAILED', error.message);
              }
            };
            """;

    DatabaseSetup(
            Construct scope,
            String id,
            Cluster cluster,
            SubnetSelection subnets,
            DataStack data,
            Images images,
            List<EventshopService> services) {
        super(scope, id);
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(256)
                .memoryLimitMiB(512)
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("PGUSER", Secret.fromSecretsManager(data.masterSecret(), "username"));
        secrets.put("PGPASSWORD", Secret.fromSecretsManager(data.masterSecret(), "password"));
        for (EventshopService service : services) {
            secrets.put(
                    service.database().toUpperCase() + "_PASSWORD",
                    Secret.fromSecretsManager(data.loginOf(service), "password"));
        }
        task.addContainer(
                "Setup",
                ContainerDefinitionOptions.builder()
                        .image(images.databaseSetup(this))
                        .essential(true)
                        .readonlyRootFilesystem(true)
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix("database-setup")
                                .build()))
                        .environment(Map.of(
                                "PGHOST", data.database().getDbInstanceEndpointAddress(),
                                "PGPORT", data.database().getDbInstanceEndpointPort(),
                                "PGDATABASE", "postgres",
                                "PGSSLMODE", "require",
                                "DATABASES",
                                        services.stream()
                                                .map(EventshopService::database)
                                                .collect(Collectors.joining(" "))))
                        .secrets(secrets)
                        .build());
        Findings.acknowledge(
                task.obtainExecutionRole(),
                "AwsSolutions-IAM5[Resource::*]",
                "ECR's GetAuthorizationToken takes no resource; the image pull and the secrets name their ARNs.");
        Findings.acknowledge(
                task,
                "AwsSolutions-ECS2",
                "The environment holds the database's address and the names of the databases; passwords come from"
                        + " Secrets Manager.");

        SecurityGroup tasks = SecurityGroup.Builder.create(this, "Tasks")
                .vpc(cluster.getVpc())
                .description("The database setup task")
                .build();
        data.admit(this, tasks);

        LogGroup handlerLogs = LogGroup.Builder.create(this, "HandlerLogs")
                .retention(RetentionDays.ONE_MONTH)
                .build();
        // A role of its own, so that it has no managed policy: it writes its log, and runs and watches the task.
        Role handlerRole = Role.Builder.create(this, "HandlerRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        handlerLogs.grantWrite(handlerRole);
        task.grantRun(handlerRole);
        handlerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecs:DescribeTasks"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster.getClusterArn())))
                .build());
        Findings.acknowledge(
                handlerRole,
                "AwsSolutions-IAM5[Resource::*]",
                "A task's ARN is known only once it runs; the condition limits DescribeTasks to this cluster.");
        Function handler = Function.Builder.create(this, "Handler")
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(Code.fromInline(HANDLER))
                .role(handlerRole)
                .logGroup(handlerLogs)
                .timeout(Duration.minutes(14))
                .build();
        CustomResource.Builder.create(this, "Run")
                .serviceToken(handler.getFunctionArn())
                .resourceType("Custom::EventshopDatabaseSetup")
                .properties(Map.of(
                        "Cluster", cluster.getClusterArn(),
                        "TaskDefinition", task.getTaskDefinitionArn(),
                        "Subnets", cluster.getVpc().selectSubnets(subnets).getSubnetIds(),
                        "SecurityGroups", List.of(tasks.getSecurityGroupId())))
                .build();
    }
}
