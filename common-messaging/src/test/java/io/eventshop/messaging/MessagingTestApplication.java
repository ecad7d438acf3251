package io.eventshop.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application of this module's integration tests: nothing but auto-configuration, messaging's included. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MessagingTestApplication {}
