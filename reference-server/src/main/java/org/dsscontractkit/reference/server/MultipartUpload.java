package org.dsscontractkit.reference.server;

import org.dsscontractkit.server.error.ApiException;
import org.dsscontractkit.server.error.ErrorTypes;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.server.ContainerRequest;

import java.io.InputStream;

/**
 * The part named {@code file} of a {@code multipart/form-data} upload, as the generated interfaces receive it: its
 * content as a stream and the filename of its part. A request announcing more than the upload limit is refused (413)
 * before anything is read.
 */
public record MultipartUpload(String fileName, InputStream content) {

    /**
     * @param fileInputStream what the generated method was given for the part (null when the part has another name)
     * @param maxBytes        the upload limit ({@code --max-upload-size})
     */
    public static MultipartUpload of(ContainerRequest req, InputStream fileInputStream, long maxBytes) {
        String length = req.getHeaderString("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes + 64 * 1024) {
            throw new ApiException(413, ErrorTypes.UPLOAD_TOO_LARGE, "Upload too large: the limit is " + maxBytes + " bytes",
                    "Request of " + length + " bytes exceeds the upload limit of " + maxBytes + " bytes (--max-upload-size)");
        }
        String fileName = null;
        InputStream content = fileInputStream;
        Object parsed = req.getProperty(FormDataMultiPart.class.getName());
        if (parsed instanceof FormDataMultiPart mp) {
            FormDataBodyPart part = mp.getField("file");
            if (part != null) {
                fileName = part.getContentDisposition().getFileName();
                if (content == null) content = part.getValueAs(InputStream.class);
            }
        }
        if (content == null) throw ApiException.invalidField("file", "the multipart request needs a part named 'file'");
        return new MultipartUpload(fileName, content);
    }
}
