package io.eventshop.devstack;

import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.launcher.Demo;
import io.eventshop.devstack.launcher.Up;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The devstack's command line: {@code java -jar devstack/target/devstack.jar aws [--port 4566]} starts the local AWS
 * endpoint and prints one line when it is ready; {@code up} starts the whole system.
 */
public final class Devstack {

    private static final String USAGE = """
            usage: java -jar devstack/target/devstack.jar <command> [options]

            commands:
              aws   start the local AWS endpoint (SQS, SNS, EventBridge) on one port
                    --port N     the port (default 4566; 0 picks a free one)
                    --host H     the interface to listen on (default 127.0.0.1; 0.0.0.0 for all)
                    --region R   the region in ARNs (default us-east-1)
              up    start everything: PostgreSQL, the AWS endpoint and the five services (8081-8085)
                    --aws-port N       the AWS endpoint's port (default 4566)
                    --db-port N        PostgreSQL's port (default 5432)
                    --project DIR      the checkout with the built services (default .)
                    --no-tracing       no Zipkin, and no spans exported (also EVENTSHOP_TRACING=off)
              demo  place an order down every saga path against a running system, and print the outcomes
                    --host H     where the services run (default localhost)
            """;

    private Devstack() {}

    public static void main(String[] args) throws InterruptedException {
        long startNanos = System.nanoTime();
        // Not logback.xml, so that modules which test against the endpoint keep their own logging.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "devstack-logback.xml");
        }
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(USAGE);
            System.exit(arguments.isEmpty() ? 2 : 0);
        }
        switch (arguments.getFirst()) {
            case "aws" -> runAws(arguments.subList(1, arguments.size()), startNanos);
            case "up" -> runUp(arguments.subList(1, arguments.size()));
            case "demo" -> runDemo(arguments.subList(1, arguments.size()));
            default -> fail("unknown command: " + arguments.getFirst());
        }
    }

    private static void runAws(List<String> options, long startNanos) throws InterruptedException {
        int port = 4566;
        String host = "127.0.0.1";
        String region = AwsAccount.DEFAULT.region();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                fail("option " + option + " needs a value");
            }
            String value = options.get(++i);
            switch (option) {
                case "--port" -> port = parsePort(value);
                case "--host" -> host = value;
                case "--region" -> region = value;
                default -> fail("unknown option: " + option);
            }
        }
        LocalAwsEndpoint endpoint;
        try {
            endpoint = LocalAwsEndpoint.start(host, port, new AwsAccount(region, AwsAccount.DEFAULT.accountId()));
        } catch (Exception e) { // Netty rethrows a BindException unchecked: a port in use
            fail("cannot start the AWS endpoint on " + host + ":" + port + ": " + rootMessage(e));
            return;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            endpoint.close();
            stopped.countDown();
        }));
        Duration startup = Duration.ofNanos(System.nanoTime() - startNanos);
        System.out.printf(
                "devstack AWS endpoint ready on http://%s:%d (sqs, sns, events) in %d ms%n",
                host.equals("0.0.0.0") ? "localhost" : host, endpoint.port(), startup.toMillis());
        System.out.flush();
        stopped.await();
    }

    private static void runUp(List<String> options) throws InterruptedException {
        int awsPort = 4566;
        int databasePort = 5432;
        Path project = Path.of(".");
        boolean tracing = Up.tracingByDefault() && !options.contains("--no-tracing");
        options = options.stream()
                .filter(option -> !option.equals("--no-tracing"))
                .toList();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                fail("option " + option + " needs a value");
            }
            String value = options.get(++i);
            switch (option) {
                case "--aws-port" -> awsPort = parsePort(value);
                case "--db-port" -> databasePort = parsePort(value);
                case "--project" -> project = Path.of(value);
                default -> fail("unknown option: " + option);
            }
        }
        try {
            new Up(project.toAbsolutePath().normalize(), awsPort, databasePort, tracing).run();
        } catch (Exception e) { // a checked one too, such as the BindException Netty rethrows unchecked
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail("cannot start eventshop: " + e.getMessage() + " (" + rootMessage(e) + ")");
        }
    }

    private static void runDemo(List<String> options) {
        String host = "localhost";
        if (options.size() == 2 && options.get(0).equals("--host")) {
            host = options.get(1);
        } else if (!options.isEmpty()) {
            fail("demo takes only --host H");
        }
        try {
            System.exit(new Demo(host).run() ? 0 : 1);
        } catch (Exception e) {
            fail("the demo failed: " + rootMessage(e) + " (is the system up? ./devstack.sh up)");
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail("--port takes a number from 0 to 65535, not " + value);
        return -1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void fail(String message) {
        PrintStream err = System.err;
        err.println("devstack: " + message);
        err.print(USAGE);
        System.exit(2);
    }
}
