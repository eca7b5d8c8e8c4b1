package dev.hindsight.trackers.internal;

import dev.hindsight.trackers.TrackerSync;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The periodic tracker work, each on one node at a time: delivering queued calls and polling for missed changes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackerProperties.class)
class TrackerJobs {

    private final TrackerSync sync;
    private final Clock clock;

    TrackerJobs(TrackerSync sync, Clock clock) {
        this.sync = sync;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hindsight.trackers.deliver-interval:PT30S}")
    @SchedulerLock(name = "tracker-outbox")
    void deliver() {
        sync.deliverDue(clock.instant());
    }

    @Scheduled(fixedDelayString = "${hindsight.trackers.poll-interval:PT10M}")
    @SchedulerLock(name = "tracker-poll")
    void poll() {
        sync.poll();
    }
}
