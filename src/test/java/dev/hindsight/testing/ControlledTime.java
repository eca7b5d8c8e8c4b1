package dev.hindsight.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test whose application clock is a {@link MutableClock} (inject it to move time), with a short webhook
 * timeout. Test classes using it share one cached context per database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(properties = {"hindsight.notifications.webhook-timeout=PT1S"})
@ActiveProfiles("test")
@Import(ControlledClockConfiguration.class)
public @interface ControlledTime {}
