package org.sencrm.platform.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
class DatabaseConfiguration {

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new WorkspaceTransactionManager(dataSource);
	}

	/** Without {@code spring.datasource.url}, Sen CRM runs its own PostgreSQL in {@code sen.data-dir}. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoDatasourceConfigured.class)
	static class Embedded {

		/** One server per data folder and JVM, shared by every application context (tests start several). */
		private static final Map<Path, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

		@Bean
		DataSource dataSource(@Value("${sen.data-dir:./sen-data}") String dataDir,
				@Value("${sen.embedded-db.port:0}") int port,
				@Value("${sen.embedded-db.durable:true}") boolean durable,
				@Value("${sen.embedded-db.fresh:false}") boolean fresh,
				@Value("${sen.embedded-db.pool-size:10}") int poolSize) {
			var folder = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
			var server = servers.computeIfAbsent(folder, f -> {
				var started = EmbeddedPostgres.start(f, port, durable, fresh);
				started.createDatabase("sen", "sen", "sen");
				return started;
			});
			var dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(server.jdbcUrl("sen"));
			dataSource.setUsername("sen");
			dataSource.setPassword("sen");
			dataSource.setMaximumPoolSize(poolSize);
			dataSource.setPoolName("sen-embedded");
			return dataSource;
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
