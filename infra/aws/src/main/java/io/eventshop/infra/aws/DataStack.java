package io.eventshop.infra.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupIngress;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The data: one small RDS PostgreSQL 16 instance holding one database per service, each with its own login. The
 * master login's secret is read only by the one-off task that creates the databases and logins
 * ({@link DatabaseSetup}); each service reads only its own login's secret.
 */
public class DataStack extends Stack {

    private static final String MASTER_USER = "eventshop_admin";
    private static final int PORT = 5432;

    private final DatabaseInstance database;
    private final Map<String, DatabaseSecret> logins = new LinkedHashMap<>();
    private final Secret sealingSecret;

    public DataStack(Construct scope, String id, StackProps props, IVpc vpc, List<EventshopService> services) {
        super(scope, id, props);
        this.database = DatabaseInstance.Builder.create(this, "Database")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.VER_16)
                        .build()))
                .instanceType(InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MICRO))
                .vpc(vpc)
                .vpcSubnets(
                        SubnetSelection.builder().subnetGroupName("database").build())
                .credentials(Credentials.fromGeneratedSecret(MASTER_USER))
                .storageEncrypted(true)
                .allocatedStorage(20)
                .maxAllocatedStorage(100)
                .backupRetention(Duration.days(7))
                .multiAz(false)
                .deletionProtection(false)
                .port(PORT)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .cloudwatchLogsExports(List.of("postgresql"))
                .build();
        Findings.acknowledge(
                database,
                "AwsSolutions-RDS3",
                "One instance in one zone keeps the reference deployment cheap; set multiAz for production.");
        Findings.acknowledge(
                database,
                "AwsSolutions-RDS10",
                "cdk destroy must work for a reference deployment; the removal policy keeps a final snapshot instead.");
        Findings.acknowledge(
                database,
                "AwsSolutions-RDS11",
                "The default port is reachable only from the services' and the setup task's security groups, in isolated subnets.");
        for (EventshopService service : services) {
            DatabaseSecret login = DatabaseSecret.Builder.create(this, service.id() + "Login")
                    .username(service.database())
                    .build();
            Findings.acknowledge(
                    login,
                    "AwsSolutions-SMG4",
                    "ECS injects the password when a task starts; rotation would need the tasks replaced each time.");
            logins.put(service.name(), login);
        }
        sealingSecret = Secret.Builder.create(this, "SealingSecret")
                .description("eventshop: seals the customer's payment token in OrderPlaced (order-service and"
                        + " payment-service only)")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build())
                .build();
        Findings.acknowledge(
                sealingSecret,
                "AwsSolutions-SMG4",
                "Rotating it makes the OrderPlaced events in flight unopenable; replace it in a quiet moment instead.");
        Findings.acknowledge(
                database.getNode().findChild("Secret"),
                "AwsSolutions-SMG4",
                "Only the database setup task reads the master secret, once per deployment.");
    }

    /** The database instance. */
    public DatabaseInstance database() {
        return database;
    }

    /** The master login's secret. */
    public ISecret masterSecret() {
        return database.getSecret();
    }

    /**
     * Lets the tasks of a security group connect to the database. The rule is made in the caller's stack, which
     * already depends on this one, so that the two stacks do not refer to each other.
     */
    public void admit(Construct scope, ISecurityGroup tasks) {
        CfnSecurityGroupIngress.Builder.create(scope, "DatabaseAccess")
                .groupId(
                        database.getConnections().getSecurityGroups().getFirst().getSecurityGroupId())
                .sourceSecurityGroupId(tasks.getSecurityGroupId())
                .ipProtocol("tcp")
                .fromPort(PORT)
                .toPort(PORT)
                .description("PostgreSQL from " + scope.getNode().getPath())
                .build();
    }

    /** The secret that order-service seals payment tokens with and payment-service opens them with. */
    public ISecret sealingSecret() {
        return sealingSecret;
    }

    /** The secret of the service's own login, with its {@code username} and {@code password}. */
    public DatabaseSecret loginOf(EventshopService service) {
        return logins.get(service.name());
    }

    /** The JDBC URL of the service's own database; TLS is required. */
    public String jdbcUrlOf(EventshopService service) {
        return "jdbc:postgresql://" + database.getDbInstanceEndpointAddress() + ":"
                + database.getDbInstanceEndpointPort() + "/" + service.database() + "?sslmode=require";
    }
}
