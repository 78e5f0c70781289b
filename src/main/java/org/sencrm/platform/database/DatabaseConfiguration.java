package org.sencrm.platform.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.HashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
class DatabaseConfiguration {

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	/**
	 * Every connection of the application's data source, embedded or configured, comes bound to the
	 * thread's workspace (row-level security reads it).
	 */
	@Bean
	static BeanPostProcessor workspaceConnections() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return "dataSource".equals(name) && bean instanceof DataSource pool && !(bean instanceof WorkspaceConnections)
						? new WorkspaceConnections(pool)
						: bean;
			}
		};
	}

	/** Grants the application's role what it needs once the migrations ran (decision 19). */
	@Bean
	DatabaseRoles databaseRoles(DataSource dataSource) {
		return new DatabaseRoles(dataSource);
	}

	/**
	 * Without {@code spring.datasource.url}, Sen CRM runs its own PostgreSQL in {@code sen.data-dir}.
	 * The server stops when the last application context using it closes its data source — after
	 * every bean that still writes on shutdown (the event publication registry does) is done.
	 * The application signs in as {@code sen}, which only reads and writes rows; the migrations run
	 * as {@code sen_owner}, which owns the schema (decision 19).
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoDatasourceConfigured.class)
	static class Embedded {

		static final String DATABASE = "sen";
		static final String OWNER_ROLE = "sen_owner";
		static final String APP_ROLE = "sen";

		/** The migrations run as the owner of the schema, on the same server. */
		@Bean
		FlywayConfigurationCustomizer migrationsAsOwner(DataSource dataSource, @Value("${sen.data-dir:./sen-data}") String dataDir) {
			var folder = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
			return configuration -> {
				var server = server(folder);
				configuration.dataSource(server.jdbcUrl(DATABASE), OWNER_ROLE, server.password(OWNER_ROLE));
			};
		}

		private static synchronized EmbeddedPostgres server(Path folder) {
			return servers.get(folder);
		}

		/** One server per data folder and JVM, shared by every application context (tests start several). */
		private static final Map<Path, EmbeddedPostgres> servers = new HashMap<>();
		private static final Map<Path, Integer> users = new HashMap<>();

		@Bean
		DataSource dataSource(@Value("${sen.data-dir:./sen-data}") String dataDir,
				@Value("${sen.embedded-db.port:0}") int port,
				@Value("${sen.embedded-db.durable:true}") boolean durable,
				@Value("${sen.embedded-db.fresh:false}") boolean fresh,
				@Value("${sen.embedded-db.pool-size:10}") int poolSize) {
			var folder = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
			var server = acquire(folder, port, durable, fresh);
			var dataSource = new HikariDataSource() {
				@Override
				public void close() {
					super.close();
					release(folder);
				}
			};
			dataSource.setJdbcUrl(server.jdbcUrl(DATABASE));
			dataSource.setUsername(APP_ROLE);
			dataSource.setPassword(server.password(APP_ROLE));
			dataSource.setMaximumPoolSize(poolSize);
			dataSource.setPoolName("sen-embedded");
			return dataSource;
		}

		private static synchronized EmbeddedPostgres acquire(Path folder, int port, boolean durable, boolean fresh) {
			var server = servers.computeIfAbsent(folder, f -> {
				var started = EmbeddedPostgres.start(f, port, durable, fresh);
				started.createDatabase(DATABASE, OWNER_ROLE, APP_ROLE);
				return started;
			});
			users.merge(folder, 1, Integer::sum);
			return server;
		}

		private static synchronized void release(Path folder) {
			if (users.merge(folder, -1, Integer::sum) <= 0) {
				users.remove(folder);
				servers.remove(folder).close();
			}
		}
	}

	static class NoDatasourceConfigured implements org.springframework.context.annotation.Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}
}
