package io.llmadmin.web.admin;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * Fills in the fields of the admin API's request and response bodies in the OpenAPI document. Liberty's scanner sees a
 * Java record as a bare {@code type: object} (it looks for getters and fields, and a record has neither it
 * recognises), which leaves API users guessing field names. For every such schema named like one of our records, this
 * filter adds each record component as a property, with its JSON type and its Bean Validation limits (required, sizes,
 * minimum and maximum, pattern). Registered as {@code mp.openapi.filter} in microprofile-config.properties.
 */
public class RecordSchemaFilter implements OASFilter {

    /** The classes holding our body records; top-level records of this package are found by name. */
    private static final List<Class<?>> HOLDERS = List.of(
            GatewayKeyRequests.class,
            UserRequests.class,
            ModelRequest.class,
            ImportAdminResource.class,
            CredentialRequests.class,
            OllamaResponses.class,
            PriceAndBudgetRequests.class,
            RoutingRequests.class);

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas =
                new LinkedHashMap<>(openApi.getComponents().getSchemas());
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Schema schema = entry.getValue();
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                continue;
            }
            recordNamed(entry.getKey()).ifPresent(type -> describe(type, schema, openApi));
        }
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            openApi.getPaths().getPathItems().values().forEach(RecordSchemaFilter::describeMergePatch);
        }
    }

    /**
     * A JSON merge patch has the fields of the full body (each optional): a PATCH whose body the scanner left bare
     * gets the schema of the PUT on the same path.
     */
    static void describeMergePatch(PathItem item) {
        if (item.getPATCH() == null || item.getPUT() == null) {
            return;
        }
        Schema full = bodySchema(item.getPUT().getRequestBody());
        if (full == null || full.getRef() == null) {
            return;
        }
        RequestBody patch = item.getPATCH().getRequestBody();
        if (patch == null || patch.getContent() == null || patch.getContent().getMediaTypes() == null) {
            return;
        }
        for (MediaType media : patch.getContent().getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema == null
                    || (schema.getRef() == null
                            && (schema.getProperties() == null
                                    || schema.getProperties().isEmpty()))) {
                media.setSchema(OASFactory.createSchema()
                        .ref(full.getRef())
                        .description("A JSON merge patch: only the fields to change"));
            }
        }
    }

    private static Schema bodySchema(RequestBody body) {
        if (body == null || body.getContent() == null || body.getContent().getMediaTypes() == null) {
            return null;
        }
        return body.getContent().getMediaTypes().values().stream()
                .map(MediaType::getSchema)
                .filter(schema -> schema != null)
                .findFirst()
                .orElse(null);
    }

    /** The record of this package (top-level or in a holder) with this simple name. */
    static Optional<Class<?>> recordNamed(String name) {
        try {
            Class<?> type = Class.forName(RecordSchemaFilter.class.getPackageName() + "." + name);
            if (type.isRecord()) {
                return Optional.of(type);
            }
        } catch (ClassNotFoundException e) {
            // Not top-level: look in the holders below.
        }
        for (Class<?> holder : HOLDERS) {
            for (Class<?> nested : holder.getDeclaredClasses()) {
                if (nested.isRecord() && nested.getSimpleName().equals(name)) {
                    return Optional.of(nested);
                }
            }
        }
        return Optional.empty();
    }

    private static void describe(Class<?> type, Schema schema, OpenAPI openApi) {
        schema.setType(Schema.SchemaType.OBJECT);
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Schema property = schemaOf(component.getGenericType(), openApi);
            AnnotatedElement field = fieldOf(type, component);
            constrain(property, field, component.getType());
            schema.addProperty(component.getName(), property);
            if (field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.setRequired(required);
        }
    }

    /** The component's field: where the component's annotations land (they target fields, not record components). */
    private static AnnotatedElement fieldOf(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            return component;
        }
    }

    private static Schema schemaOf(Type type, OpenAPI openApi) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw)) {
            return OASFactory.createSchema()
                    .type(Schema.SchemaType.ARRAY)
                    .items(schemaOf(parameterized.getActualTypeArguments()[0], openApi));
        }
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : type instanceof Class<?> plain ? plain : Object.class;
        if (raw == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (raw == Integer.class || raw == int.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
        }
        if (raw == Long.class || raw == long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
        }
        if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (raw == OffsetDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (raw.isRecord()) {
            String name = raw.getSimpleName();
            if (openApi.getComponents().getSchemas().get(name) == null) {
                Schema nested = OASFactory.createSchema();
                openApi.getComponents().addSchema(name, nested);
                describe(raw, nested, openApi);
            }
            return OASFactory.createSchema().ref("#/components/schemas/" + name);
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }

    private static void constrain(Schema property, AnnotatedElement field, Class<?> type) {
        Size size = field.getAnnotation(Size.class);
        if (size != null) {
            boolean list = List.class.isAssignableFrom(type);
            if (size.max() != Integer.MAX_VALUE) {
                if (list) {
                    property.setMaxItems(size.max());
                } else {
                    property.setMaxLength(size.max());
                }
            }
            if (size.min() > 0) {
                if (list) {
                    property.setMinItems(size.min());
                } else {
                    property.setMinLength(size.min());
                }
            }
        }
        if (field.isAnnotationPresent(NotBlank.class)) {
            property.setMinLength(1);
        }
        if (field.isAnnotationPresent(PositiveOrZero.class)) {
            property.setMinimum(BigDecimal.ZERO);
        }
        DecimalMin min = field.getAnnotation(DecimalMin.class);
        if (min != null) {
            property.setMinimum(new BigDecimal(min.value()));
        }
        DecimalMax max = field.getAnnotation(DecimalMax.class);
        if (max != null) {
            property.setMaximum(new BigDecimal(max.value()));
        }
        Pattern pattern = field.getAnnotation(Pattern.class);
        if (pattern != null) {
            property.setPattern(pattern.regexp());
        }
    }
}
