package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.http.AwsResponse;
import java.util.Map;
import java.util.UUID;

/** Writes SNS's awsQuery XML: the result of an action inside its response element, and errors. */
final class SnsXml {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder xml = new StringBuilder();

    /** Adds {@code <name>value</name>}, escaped; a null value adds nothing. */
    SnsXml element(String name, Object value) {
        if (value != null) {
            xml.append('<').append(name).append('>');
            xml.append(escape(value.toString()));
            xml.append("</").append(name).append('>');
        }
        return this;
    }

    SnsXml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    /** Adds what another writer wrote, as it is. */
    SnsXml raw(SnsXml other) {
        xml.append(other.xml);
        return this;
    }

    /** Adds an awsQuery map: {@code <name><entry><key/><value/></entry>...</name>}. */
    SnsXml map(String name, Map<String, String> entries) {
        open(name);
        entries.forEach((key, value) ->
                open("entry").element("key", key).element("value", value).close("entry"));
        return close(name);
    }

    /** The response to {@code action}, with what was written so far as its result. */
    AwsResponse response(String action) {
        String result = xml.isEmpty() ? "" : "<" + action + "Result>" + xml + "</" + action + "Result>";
        return AwsResponse.xml(
                200,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + action + "Response xmlns=\"" + NAMESPACE + "\">"
                        + result + "<ResponseMetadata><RequestId>" + UUID.randomUUID()
                        + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    static AwsResponse error(SnsException error) {
        return error(error.status(), "Sender", error.code(), error.getMessage());
    }

    static AwsResponse error(int status, String type, String code, String message) {
        return AwsResponse.xml(
                status,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
                        + type + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message)
                        + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    /** Escapes text for XML 1.0, replacing characters that XML cannot carry at all. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\r' -> escaped.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        escaped.append('\uFFFD');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
