package io.eventshop.notification.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notifications, under {@code eventshop.notification}. Mail is sent only when {@code spring.mail.host} is set.
 *
 * @param mail the mails' sender and recipients
 */
@Validated
@ConfigurationProperties("eventshop.notification")
public record NotificationProperties(@Valid @DefaultValue Mail mail) {

    /**
     * @param from the sender of the mails
     * @param recipientDomain the domain of the customers' addresses, {@code <customerId>@<recipientDomain>}
     */
    public record Mail(
            @NotBlank @DefaultValue("orders@eventshop.example")
            String from,

            @NotBlank @DefaultValue("customers.eventshop.example")
            String recipientDomain) {}
}
