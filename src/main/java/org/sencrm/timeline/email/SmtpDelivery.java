package org.sencrm.timeline.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.sencrm.platform.DomainException;
import org.sencrm.timeline.email.EmailSender.Attachment;
import org.sencrm.timeline.email.EmailSender.Preview;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Builds the MIME message of a composed email and hands it to the workspace's SMTP server. */
final class SmtpDelivery {

	private SmtpDelivery() {
	}

	static void send(MailSettings settings, Properties connection, String password, Preview preview, List<Attachment> files,
			String messageId, String senderName) {
		var sender = new JavaMailSenderImpl();
		sender.setHost(settings.smtpHost());
		sender.setPort(settings.smtpPort());
		sender.setUsername(settings.smtpUsername());
		sender.setPassword(password);
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		sender.setJavaMailProperties(connection);
		try {
			var message = new MimeMessage(sender.getSession()) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}
			};
			message.setFrom(new InternetAddress(preview.from(), senderName, StandardCharsets.UTF_8.name()));
			for (var to : preview.to()) {
				message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
			}
			message.setSubject(preview.subject(), StandardCharsets.UTF_8.name());
			if (files.isEmpty()) {
				message.setText(preview.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
			} else {
				message.setContent(mixed(preview.bodyHtml(), files));
			}
			sender.send(message);
		} catch (MessagingException | MailException | java.io.UnsupportedEncodingException e) {
			// what failed, in our words: the server's reply is not shown (it may echo anything)
			throw new DomainException("email.send-failed", MailFailure.of(e).reason());
		}
	}

	/** multipart/mixed: the HTML body, then each file as an attachment (its name RFC 2231-encoded when not ASCII). */
	private static MimeMultipart mixed(String html, List<Attachment> files) throws MessagingException {
		var mixed = new MimeMultipart("mixed");
		var body = new MimeBodyPart();
		body.setText(html, StandardCharsets.UTF_8.name(), "html");
		mixed.addBodyPart(body);
		for (var file : files) {
			var part = new MimeBodyPart();
			part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
			part.setFileName(file.fileName());
			part.setDisposition(Part.ATTACHMENT);
			// base64 for every file, text too: other encodings turn line ends into CRLF and the file would change
			part.setHeader("Content-Transfer-Encoding", "base64");
			mixed.addBodyPart(part);
		}
		return mixed;
	}
}
