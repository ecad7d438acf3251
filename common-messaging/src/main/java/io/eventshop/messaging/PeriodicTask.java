package io.eventshop.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a housekeeping job, such as deleting expired inbox rows, at a fixed delay on its own daemon thread, from the
 * start of the application context to its stop. A failed run is logged and the next one runs as planned.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable job;
    private @Nullable ScheduledExecutorService scheduler;

    public PeriodicTask(String name, Duration interval, Runnable job) {
        this.name = name;
        this.interval = interval;
        this.job = job;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        scheduler.scheduleWithFixedDelay(
                this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; it runs again in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
