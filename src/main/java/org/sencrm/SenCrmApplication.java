package org.sencrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SenCrmApplication {

	public static void main(String[] args) {
		SpringApplication.run(SenCrmApplication.class, args);
	}
}
