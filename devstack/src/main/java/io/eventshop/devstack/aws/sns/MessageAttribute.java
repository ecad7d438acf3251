package io.eventshop.devstack.aws.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One published message attribute, validated as SNS does. The data type is String, Number or Binary, optionally
 * with a custom suffix ({@code String.Array}, {@code Number.float}).
 *
 * @param binaryValue the decoded bytes, for Binary types; null otherwise
 */
record MessageAttribute(String name, String dataType, String stringValue, byte[] binaryValue) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-.]{1,256}");
    private static final Pattern TYPE = Pattern.compile("(String|Number|Binary)(\\.[A-Za-z0-9_\\-.]+)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    MessageAttribute {
        if (name == null
                || !NAME.matcher(name).matches()
                || name.startsWith(".")
                || name.endsWith(".")
                || name.contains("..")
                || name.startsWith("AWS.")
                || name.startsWith("Amazon.")) {
            throw SnsException.parameterValueInvalid(
                    "The message attribute name '" + name + "' is invalid. Names may contain alphanumerics, "
                            + "hyphens, underscores and periods, and must not start with AWS. or Amazon.");
        }
        if (dataType == null || !TYPE.matcher(dataType).matches()) {
            throw SnsException.parameterValueInvalid("The message attribute '" + name
                    + "' has an invalid message attribute type, the set of supported type prefixes is Binary, "
                    + "Number, and String.");
        }
        boolean binary = dataType.startsWith("Binary");
        if (binary ? binaryValue == null || binaryValue.length == 0 : stringValue == null || stringValue.isEmpty()) {
            throw SnsException.parameterValueInvalid("The message attribute '" + name
                    + "' must contain non-empty message attribute value for message attribute type '" + dataType
                    + "'.");
        }
        if (dataType.startsWith("Number") && number(stringValue) == null) {
            throw SnsException.parameterValueInvalid(
                    "Could not cast message attribute '" + name + "' value to number.");
        }
        if (dataType.equals("String.Array") && !(parse(stringValue) instanceof JsonNode array && array.isArray())) {
            throw SnsException.parameterValueInvalid("The message attribute '" + name
                    + "' with type 'String.Array' must contain a JSON array as its value.");
        }
    }

    /** Reads {@code MessageAttributes.entry.N.Name} / {@code .Value.DataType} / {@code .Value.StringValue} / ... */
    static Map<String, MessageAttribute> from(QueryParameters parameters) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (QueryParameters entry : parameters.entries("MessageAttributes")) {
            String name = entry.optional("Name");
            String binary = entry.optional("Value.BinaryValue");
            byte[] bytes;
            try {
                bytes = binary == null ? null : Base64.getDecoder().decode(binary);
            } catch (IllegalArgumentException e) {
                throw SnsException.parameterValueInvalid(
                        "The message attribute '" + name + "' has an invalid binary value.");
            }
            attributes.put(
                    name,
                    new MessageAttribute(
                            name, entry.optional("Value.DataType"), entry.optional("Value.StringValue"), bytes));
        }
        return attributes;
    }

    /** What the attribute adds to the size of a message: its name, type and value. */
    int size() {
        int valueSize = binaryValue != null ? binaryValue.length : stringValue.getBytes(StandardCharsets.UTF_8).length;
        return name.getBytes(StandardCharsets.UTF_8).length + dataType.length() + valueSize;
    }

    boolean isBinary() {
        return dataType.startsWith("Binary");
    }

    /** The value as the envelope shows it: the string, or Base64 for binary values. */
    String displayValue() {
        return isBinary() ? Base64.getEncoder().encodeToString(binaryValue) : stringValue;
    }

    /**
     * The same attribute as SQS takes it. ElasticMQ, like SQS, accepts custom type suffixes, so String.Array
     * keeps its type.
     */
    MessageAttributeValue toSqs() {
        var value = MessageAttributeValue.builder().dataType(dataType);
        return isBinary()
                ? value.binaryValue(SdkBytes.fromByteArray(binaryValue)).build()
                : value.stringValue(stringValue).build();
    }

    /**
     * The value a filter policy sees: a JSON string, a JSON number, or for String.Array the parsed array. Binary
     * attributes take no part in filtering, so they give null.
     */
    JsonNode filterValue() {
        if (isBinary()) {
            return null;
        }
        if (dataType.startsWith("Number")) {
            return JsonNodeFactory.instance.numberNode(number(stringValue));
        }
        if (dataType.equals("String.Array")) {
            return parse(stringValue);
        }
        return JsonNodeFactory.instance.textNode(stringValue);
    }

    static Map<String, MessageAttributeValue> toSqs(Map<String, MessageAttribute> attributes) {
        Map<String, MessageAttributeValue> sqs = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> sqs.put(name, attribute.toSqs()));
        return sqs;
    }

    static int size(Iterable<MessageAttribute> attributes) {
        int size = 0;
        for (MessageAttribute attribute : attributes) {
            size += attribute.size();
        }
        return size;
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageAttribute that
                && name.equals(that.name)
                && dataType.equals(that.dataType)
                && Objects.equals(stringValue, that.stringValue)
                && Arrays.equals(binaryValue, that.binaryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dataType, stringValue, Arrays.hashCode(binaryValue));
    }

    @Override
    public String toString() {
        return name + "(" + dataType + ")=" + displayValue();
    }
}
