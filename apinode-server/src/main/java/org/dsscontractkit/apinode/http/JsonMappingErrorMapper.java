package org.dsscontractkit.apinode.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * A request body that does not fit the user-API schema (malformed JSON, a value of the wrong type such as an unknown
 * explanation method): a 400 DSSError naming the field, rather than Jackson's plain-text default.
 */
@Provider
@Priority(Priorities.USER - 100)
public class JsonMappingErrorMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException failure) {
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Response response = ApiErrorMapper.body(400, "InvalidRequestBody",
                    "Request field '" + field + "' is invalid: " + failure.getOriginalMessage(), null);
            String rule = failure instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException ? "unknownProperty" : "type";
            ((ObjectNode) response.getEntity()).put("field", field).put("rule", rule);
            return response;
        }
        return ApiErrorMapper.body(400, "MalformedJson", "The request body is not valid JSON: " + failure.getOriginalMessage(), null);
    }
}
