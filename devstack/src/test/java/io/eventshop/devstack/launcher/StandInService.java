package io.eventshop.devstack.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a service, for the launcher's tests: a JVM that starts in a blink, answers the readiness probe on
 * {@code SERVER_PORT}, and on SIGTERM, like a service finishing its messages in flight, takes a second and then reports
 * whether PostgreSQL and the AWS endpoint still answer. It uses the JDK alone and has no nested classes, so that
 * {@link StandInJars} can make an executable jar of this one class.
 */
public final class StandInService {

    private StandInService() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("stand-in ready on " + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Matcher database = Pattern.compile("//([^:/]+):(\\d+)/").matcher(System.getenv("SPRING_DATASOURCE_URL"));
            URI aws = URI.create(System.getenv("AWS_ENDPOINT_URL"));
            boolean databaseAnswers =
                    database.find() && answers(database.group(1), Integer.parseInt(database.group(2)));
            System.out.println("stand-in stopping: PostgreSQL answers " + databaseAnswers
                    + ", the AWS endpoint answers " + answers(aws.getHost(), aws.getPort()));
            server.stop(0);
        }));
    }

    private static boolean answers(String host, int port) {
        try (var socket = new Socket(host, port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
