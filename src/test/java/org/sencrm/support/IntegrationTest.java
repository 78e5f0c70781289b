package org.sencrm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole application on a real PostgreSQL: the embedded one, started once per
 * test run in a fresh folder. Every test makes its own workspace, so tests never see each other's data.
 * The application's clock is a {@link TestClock}; {@link Publications} waits for listeners and
 * delivers events again; {@link EventProbe} is a listener that fails when asked to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"sen.data-dir=target/test-db",
		"sen.embedded-db.durable=false",
		"sen.embedded-db.fresh=true",
		"sen.demo-data=false",
		"sen.security.bcrypt-strength=4",
		"sen.jobs.enabled=false",
		// GreenMail runs on 127.0.0.1 (decision 20; MailHostsTest shows the refusal without this)
		"sen.mail.allow-private-hosts=true",
		"sen.admin.email=instance-admin@test.sen",
		"sen.admin.password=lotus-pond-at-dawn-17"})
@Import({TestWorkspaces.class, TestClock.class, EventProbe.class, Publications.class})
public @interface IntegrationTest {
}
