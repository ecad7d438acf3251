package io.eventshop.notification.web;

import io.eventshop.notification.application.Notifications;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads a customer's notifications. */
@RestController
@RequestMapping("/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The notifications of {@code customerId}, newest first; a missing or blank customerId is a 400 naming it. */
    @GetMapping
    List<NotificationResponse> notificationsOf(@RequestParam @NotBlank String customerId) {
        return notifications.findByCustomerId(customerId).stream()
                .map(NotificationResponse::of)
                .toList();
    }
}
