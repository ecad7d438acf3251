package io.eventshop.notification.integration;

import io.eventshop.notification.application.NotificationChannel;
import io.eventshop.notification.domain.Notification;
import io.eventshop.notification.domain.Priority;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Mails each notification. The customer's address is {@code <customerId>@<recipient-domain>}: customers' contact
 * details belong to a customer service this reference application does not have.
 */
final class SmtpNotificationChannel implements NotificationChannel {

    private final JavaMailSender mail;
    private final NotificationProperties.Mail properties;

    SmtpNotificationChannel(JavaMailSender mail, NotificationProperties.Mail properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public void send(Notification notification) {
        var message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(notification.customerId() + "@" + properties.recipientDomain());
        message.setSubject((notification.priority() == Priority.PRIORITY ? "[Priority] " : "") + "Your order "
                + notification.orderId());
        message.setText(notification.message());
        mail.send(message);
    }
}
