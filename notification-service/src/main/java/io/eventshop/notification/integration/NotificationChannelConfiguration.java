package io.eventshop.notification.integration;

import io.eventshop.notification.application.NotificationChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the channel: SMTP when Spring Boot configured a mail sender (it does when {@code spring.mail.host} is set),
 * otherwise the log.
 */
@Configuration(proxyBeanMethods = false)
class NotificationChannelConfiguration {

    @Bean
    NotificationChannel notificationChannel(
            ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        JavaMailSender mail = mailSender.getIfAvailable();
        return mail != null ? new SmtpNotificationChannel(mail, properties.mail()) : new LoggingNotificationChannel();
    }
}
