<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="es_EC">
<context>
    <name>AgencyView</name>
    <message>
        <source>{first} a {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <source>{days} de {opens} a {closes}</source>
        <translation>{days} from {opens} to {closes}</translation>
    </message>
    <message>
        <source>¿En qué agencia desea ser atendido?</source>
        <translation>Which office would you like to go to?</translation>
    </message>
    <message>
        <source>Solo se muestran las agencias que atienden este trámite.</source>
        <translation>Only offices that handle this procedure are shown.</translation>
    </message>
</context>
<context>
    <name>BringList</name>
    <message>
        <source>Preséntese 10 minutos antes con:</source>
        <translation>Please arrive 10 minutes early with:</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <source>El sistema está tardando en responder.</source>
        <extracomment>alpha of the layer&apos;s background: opaque hides the screen, lower dims it.</extracomment>
        <translation>The system is taking a long time to answer.</translation>
    </message>
    <message>
        <source>Toque «Intentar de nuevo» o cancele para volver.</source>
        <translation>Touch “Try again”, or cancel to go back.</translation>
    </message>
    <message>
        <source>Un momento, por favor…</source>
        <translation>One moment, please…</translation>
    </message>
    <message>
        <source>Estamos consultando el sistema de turnos.</source>
        <translation>We are checking the appointment system.</translation>
    </message>
    <message>
        <source>Intentar de nuevo</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChoiceList</name>
    <message>
        <source>No encontramos «{text}». Borre unas letras o revise lo escrito.</source>
        <extracomment>other names the search finds the item by (a province&apos;s cities); the one found is shown under the title, so that &quot;quito&quot; shows &quot;Pichincha&quot; with &quot;Quito&quot; beneath. the search hid the chosen item, so it is no longer chosen (Siguiente must not stay on) letters typed before other names (a province&apos;s cities) are searched too, and then only from the start of their words: &quot;sa&quot; would otherwise list half the country&apos;s towns.</extracomment>
        <translation>We found nothing for “{text}”. Delete a few letters or check what you typed.</translation>
    </message>
    <message>
        <source>Buscar por nombre</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>Ocultar teclado</source>
        <translation>Hide keyboard</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Escriba el código que le enviamos</source>
        <extracomment>room for the longest message of this screen (a send limit, with what to do meanwhile)</extracomment>
        <translation>Type the code we sent you</translation>
    </message>
    <message>
        <source>Tiene 6 dígitos.</source>
        <translation>It has 6 digits.</translation>
    </message>
    <message>
        <source>Tiene 6 dígitos. Lo enviamos por mensaje de texto al {target}.</source>
        <translation>It has 6 digits. We sent it by text message to {target}.</translation>
    </message>
    <message>
        <source>Tiene 6 dígitos. Lo enviamos al correo {target}.</source>
        <translation>It has 6 digits. We sent it to the email {target}.</translation>
    </message>
    <message>
        <source>Verificar</source>
        <translation>Verify</translation>
    </message>
    <message numerus="yes">
        <source>Le queda %n intento.</source>
        <translation>
            <numerusform>You have %n attempt left.</numerusform>
            <numerusform>You have %n attempts left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Le quedan %n intentos.</source>
        <translation>
            <numerusform>You have %n attempt left.</numerusform>
            <numerusform>You have %n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <source>El código vale hasta las {time}.</source>
        <translation>The code is valid until {time}.</translation>
    </message>
    <message>
        <source>Pedir otro código en {time}</source>
        <translation>Ask for another code in {time}</translation>
    </message>
    <message>
        <source>Enviar un código nuevo</source>
        <translation>Send a new code</translation>
    </message>
    <message>
        <source>¿No le llegó el código?</source>
        <translation>Did the code not arrive?</translation>
    </message>
    <message>
        <source>Revise los mensajes de texto de su celular.</source>
        <translation>Check the text messages on your mobile phone.</translation>
    </message>
    <message>
        <source>Revise también la carpeta de correo no deseado: el asunto es «Verificar IESS turno online».</source>
        <translation>Also check your spam folder: the subject is “Verificar IESS turno online”.</translation>
    </message>
    <message>
        <source>El código puede tardar unos minutos en llegar.</source>
        <translation>The code may take a few minutes to arrive.</translation>
    </message>
    <message>
        <source>Si no llega, toque «Enviar un código nuevo» cuando el botón se active, o toque «Atrás» para corregir su correo o su celular.</source>
        <translation>If it does not arrive, touch “Send a new code” once the button is active, or touch “Back” to correct your email or mobile number.</translation>
    </message>
</context>
<context>
    <name>ContactView</name>
    <message>
        <source>Revise lo que va después de la @.</source>
        <extracomment>room kept under each field for its error: the errors are short, so that the screen fits with large text and the keys never move when one shows</extracomment>
        <translation>Check what comes after the @.</translation>
    </message>
    <message>
        <source>Falta la @ o el dominio (gmail.com).</source>
        <translation>The @ or the domain (gmail.com) is missing.</translation>
    </message>
    <message>
        <source>El celular empieza con 09. Revíselo.</source>
        <translation>Mobile numbers start with 09. Check it.</translation>
    </message>
    <message>
        <source>Escriba los 10 dígitos, desde el 09.</source>
        <translation>Type the 10 digits, starting with 09.</translation>
    </message>
    <message>
        <source>Antes de pedir sus datos de contacto</source>
        <translation>Before we ask for your contact details</translation>
    </message>
    <message>
        <source>Escriba su correo y su celular</source>
        <translation>Type your email and mobile number</translation>
    </message>
    <message>
        <source>Lea cómo cuidamos sus datos y toque «Entendido, continuar».</source>
        <translation>Read how we look after your data and touch “Understood, continue”.</translation>
    </message>
    <message>
        <source>Le enviaremos un código para comprobar que son suyos.</source>
        <translation>We will send you a code to check that they are yours.</translation>
    </message>
    <message>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Correo electrónico</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>nombre@gmail.com</source>
        <translation>name@gmail.com</translation>
    </message>
    <message>
        <source>Número de celular</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Enviar el código por mensaje de texto</source>
        <translation>Send the code by text message</translation>
    </message>
</context>
<context>
    <name>CuedScroll</name>
    <message>
        <source>▼ Deslice para ver más</source>
        <translation>▼ Swipe up to see more</translation>
    </message>
</context>
<context>
    <name>DateWords</name>
    <message>
        <source>enero</source>
        <translation>January</translation>
    </message>
    <message>
        <source>febrero</source>
        <translation>February</translation>
    </message>
    <message>
        <source>marzo</source>
        <translation>March</translation>
    </message>
    <message>
        <source>abril</source>
        <translation>April</translation>
    </message>
    <message>
        <source>mayo</source>
        <translation>May</translation>
    </message>
    <message>
        <source>junio</source>
        <translation>June</translation>
    </message>
    <message>
        <source>julio</source>
        <translation>July</translation>
    </message>
    <message>
        <source>agosto</source>
        <translation>August</translation>
    </message>
    <message>
        <source>septiembre</source>
        <translation>September</translation>
    </message>
    <message>
        <source>octubre</source>
        <translation>October</translation>
    </message>
    <message>
        <source>noviembre</source>
        <translation>November</translation>
    </message>
    <message>
        <source>diciembre</source>
        <translation>December</translation>
    </message>
    <message>
        <source>lunes</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>martes</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>miércoles</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>jueves</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>viernes</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>sábado</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>domingo</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Lu Ma Mi Ju Vi Sá Do</source>
        <translation>Mo Tu We Th Fr Sa Su</translation>
    </message>
    <message>
        <source>{weekday} {day} de {month} de {year}</source>
        <extracomment>a date in words; {weekday} and {month} are the names above, {day} and {year} numbers</extracomment>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
        <source>{month} de {year}</source>
        <translation>{month} {year}</translation>
    </message>
</context>
<context>
    <name>DayList</name>
    <message>
        <source>Turnos de hoy</source>
        <translation>Today&apos;s turns</translation>
    </message>
    <message>
        <source>Buscar por código o nombre</source>
        <translation>Search by code or name</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>SMS a {to}</source>
        <translation>SMS to {to}</translation>
    </message>
    <message>
        <source>Correo a {to}</source>
        <translation>Email to {to}</translation>
    </message>
    <message>
        <source>Aquí aparecerá el código&lt;br&gt;enviado por correo o SMS</source>
        <translation>The code sent by email&lt;br&gt;or SMS will appear here</translation>
    </message>
    <message>
        <source>por SMS a {to}</source>
        <translation>by SMS to {to}</translation>
    </message>
    <message>
        <source>por correo a {to}</source>
        <translation>by email to {to}</translation>
    </message>
    <message>
        <source>código enviado hace {n} s</source>
        <translation>code sent {n} s ago</translation>
    </message>
    <message>
        <source>código enviado hace {n} min</source>
        <translation>code sent {n} min ago</translation>
    </message>
    <message>
        <source>código enviado hace {n} h</source>
        <translation>code sent {n} h ago</translation>
    </message>
    <message>
        <source>Ocultar</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Ver mensajes</source>
        <translation>Show messages</translation>
    </message>
    <message>
        <source>Para salir: Ctrl+Q, o cinco toques seguidos en la esquina superior izquierda, el PIN 2468 y «Salir».</source>
        <translation>To leave: Ctrl+Q, or five quick taps in the top-left corner, the PIN 2468 and “Exit”.</translation>
    </message>
    <message>
        <source>Para salir: Ctrl+Q.</source>
        <translation>To leave: Ctrl+Q.</translation>
    </message>
    <message>
        <source>Esta franja es solo de la demostración: muestra los correos y SMS que el servicio enviaría.</source>
        <translation>This band belongs to the demo only: it shows the emails and SMS the service would send.</translation>
    </message>
    <message>
        <source>Todavía no se ha enviado nada.</source>
        <translation>Nothing has been sent yet.</translation>
    </message>
</context>
<context>
    <name>DoneView</name>
    <message>
        <source>Su turno está reservado</source>
        <translation>Your appointment is booked</translation>
    </message>
    <message>
        <source>Terminar</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>↓ Retire su comprobante en la ranura de abajo.</source>
        <translation>↓ Take your slip from the slot below.</translation>
    </message>
</context>
<context>
    <name>ErrorOverlay</name>
    <message>
        <source>Algo salió mal</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>No pudimos completar la operación. Sus datos fueron borrados. Empiece de nuevo.</source>
        <translation>We could not finish. Your data has been erased. Please start again.</translation>
    </message>
    <message>
        <source>Empezar de nuevo</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>ExistingView</name>
    <message>
        <source>Usted ya tiene un turno reservado</source>
        <translation>You already have an appointment</translation>
    </message>
    <message>
        <source>Puede imprimirlo de nuevo, anularlo o reservar otro turno.</source>
        <translation>You can print it again, cancel it or book another one.</translation>
    </message>
    <message>
        <source>Reservar otro turno</source>
        <translation>Book another appointment</translation>
    </message>
    <message>
        <source>Ya no tiene turnos reservados. Puede reservar uno nuevo.</source>
        <translation>You have no appointments left. You can book a new one.</translation>
    </message>
</context>
<context>
    <name>IdentifyView</name>
    <message>
        <source>Escriba el número de su documento.</source>
        <translation>Type the number of your document.</translation>
    </message>
    <message>
        <source>Faltan dígitos: la cédula tiene 10. Revise el número.</source>
        <translation>Digits are missing: the ID card number has 10. Check the number.</translation>
    </message>
    <message>
        <source>La cédula tiene 10 dígitos. Borre los que sobran.</source>
        <translation>The ID card number has 10 digits. Delete the extra ones.</translation>
    </message>
    <message>
        <source>El número es muy largo. Revise su documento.</source>
        <translation>The number is too long. Check your document.</translation>
    </message>
    <message>
        <source>Use solo números.</source>
        <translation>Use digits only.</translation>
    </message>
    <message>
        <source>Use solo letras y números.</source>
        <translation>Use letters and digits only.</translation>
    </message>
    <message>
        <source>Los dos primeros dígitos no corresponden a una provincia. Revise el número.</source>
        <translation>The first two digits do not belong to a province. Check the number.</translation>
    </message>
    <message>
        <source>El tercer dígito no es válido para una cédula. Revise el número.</source>
        <translation>The third digit is not valid for an ID card. Check the number.</translation>
    </message>
    <message>
        <source>El número de cédula no es válido. Revise los 10 dígitos.</source>
        <translation>The ID card number is not valid. Check the 10 digits.</translation>
    </message>
    <message>
        <source>Número completo. Toque «Consultar».</source>
        <translation>Number complete. Touch “Look up”.</translation>
    </message>
    <message>
        <source>El número parece incompleto. Revise su documento.</source>
        <translation>The number looks incomplete. Check your document.</translation>
    </message>
    <message>
        <source>{n} de 10</source>
        <translation>{n} of 10</translation>
    </message>
    <message>
        <source>{n} caracteres (de {low} a {high})</source>
        <translation>{n} characters ({low} to {high})</translation>
    </message>
    <message>
        <source>Escriba su número de cédula</source>
        <translation>Type your ID card number</translation>
    </message>
    <message>
        <source>Escriba su número de pasaporte</source>
        <translation>Type your passport number</translation>
    </message>
    <message>
        <source>Escriba su código de extranjero</source>
        <translation>Type your foreigner code</translation>
    </message>
    <message>
        <source>Escriba las letras y números tal como están en su pasaporte.</source>
        <translation>Type the letters and numbers exactly as they appear in your passport.</translation>
    </message>
    <message>
        <source>Escriba el código de identificación que le dio el IESS.</source>
        <translation>Type the identification code the IESS gave you.</translation>
    </message>
    <message>
        <source>Si no tiene cédula, elija «Pasaporte» o «Código de extranjero».</source>
        <translation>If you have no Ecuadorian ID card, choose “Passport” or “Foreigner code”.</translation>
    </message>
    <message>
        <source>Consultar</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Cédula</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>Pasaporte</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Código de extranjero</source>
        <translation>Foreigner code</translation>
    </message>
    <message>
        <source>Número de cédula (10 dígitos)</source>
        <translation>ID card number (10 digits)</translation>
    </message>
    <message>
        <source>Número del documento (letras y números)</source>
        <translation>Document number (letters and digits)</translation>
    </message>
</context>
<context>
    <name>IdleWarningOverlay</name>
    <message numerus="yes">
        <source>Si no responde en %n segundos, borraremos sus datos.</source>
        <translation>
            <numerusform>If you do not answer within %n second, we will erase your data.</numerusform>
            <numerusform>If you do not answer within %n seconds, we will erase your data.</numerusform>
        </translation>
    </message>
    <message>
        <source>¿Necesita más tiempo?</source>
        <translation>Do you need more time?</translation>
    </message>
    <message>
        <source>Sí, continuar</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <source>No, terminar</source>
        <translation>No, finish</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Borrar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Mayúsculas</source>
        <translation>Capitals</translation>
    </message>
    <message>
        <source>espacio</source>
        <translation>space</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Borrar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Listo</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>◐ Contraste</source>
        <extracomment>the low-reach mode went on or off (by its button, `set_low_reach` or a reset). spoken guidance went on or off (by its button, `set_speech` or a reset).</extracomment>
        <translation>◐ Contrast</translation>
    </message>
    <message>
        <source>A+ Letra grande</source>
        <translation>A+ Large text</translation>
    </message>
    <message>
        <source>Voz</source>
        <translation>Voice</translation>
    </message>
    <message>
        <source>♿ Bajar botones</source>
        <translation>♿ Lower buttons</translation>
    </message>
    <message>
        <source>◀ Atrás</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>Empezar de nuevo</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>Paso {n} de {m}</source>
        <translation>Step {n} of {m}</translation>
    </message>
</context>
<context>
    <name>MaintenancePanel</name>
    <message>
        <source>PIN incorrecto. Intente de nuevo.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <source>Mantenimiento</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>PIN de técnico</source>
        <translation>Technician PIN</translation>
    </message>
    <message>
        <source>Servicio</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Estado del servicio</source>
        <translation>Service status</translation>
    </message>
    <message>
        <source>Impresora</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Kiosco</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Versión</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Imprimir prueba</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Reiniciar</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Salir</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Escriba su correo electrónico.</source>
        <translation>Type your email address.</translation>
    </message>
    <message>
        <source>El correo electrónico no es válido. Revíselo, por ejemplo: nombre@gmail.com.</source>
        <translation>The email address is not valid. Check it, for example: name@gmail.com.</translation>
    </message>
    <message>
        <source>Escriba su número de celular.</source>
        <translation>Type your mobile number.</translation>
    </message>
    <message>
        <source>Escriba un número de celular de Ecuador, que empiece con 09.</source>
        <translation>Type an Ecuadorian mobile number that starts with 09.</translation>
    </message>
    <message>
        <source>El número de celular no es válido. Tiene 10 dígitos y empieza con 09.</source>
        <translation>The mobile number is not valid. It has 10 digits and starts with 09.</translation>
    </message>
    <message>
        <source>El número de documento no es válido. Revíselo y corríjalo.</source>
        <translation>The document number is not valid. Check it and correct it.</translation>
    </message>
    <message>
        <source>No encontramos ese número en el IESS. Revíselo o acérquese a una ventanilla.</source>
        <translation>We did not find that number at the IESS. Check it, or go to a service counter.</translation>
    </message>
    <message>
        <source>El correo o el celular no son válidos. Revíselos y corríjalos.</source>
        <translation>The email address or the mobile number is not valid. Check and correct them.</translation>
    </message>
    <message>
        <source>El código no es correcto. Revíselo y escríbalo de nuevo.</source>
        <translation>The code is not right. Check it and type it again.</translation>
    </message>
    <message>
        <source>El código ya venció. Toque «Enviar un código nuevo» y escriba el que le llegue.</source>
        <translation>The code has expired. Touch “Send a new code” and type the one you receive.</translation>
    </message>
    <message>
        <source>Hubo demasiados intentos. Espere un momento y vuelva a probar.</source>
        <translation>There were too many attempts. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>Esa hora ya no está disponible. Elija otra hora.</source>
        <translation>That time is no longer available. Choose another time.</translation>
    </message>
    <message>
        <source>El tiempo para confirmar terminó. Elija la hora otra vez.</source>
        <translation>The time to confirm has run out. Choose the time again.</translation>
    </message>
    <message>
        <source>Usted ya tiene un turno para ese trámite. Revise sus turnos o elija otro trámite.</source>
        <translation>You already have an appointment for that procedure. Check your appointments or choose another procedure.</translation>
    </message>
    <message>
        <source>Su sesión terminó. Toque «Empezar de nuevo».</source>
        <translation>Your session has ended. Touch “Start over”.</translation>
    </message>
    <message>
        <source>Ya tiene el máximo de turnos que se pueden reservar por ahora. Acérquese a una ventanilla o consulte en www.iess.gob.ec.</source>
        <translation>You have already booked as many appointments as allowed for now. Go to a counter or check www.iess.gob.ec.</translation>
    </message>
    <message>
        <source>Este quiosco atendió muchas solicitudes seguidas. Use otro quiosco o acérquese a una ventanilla.</source>
        <translation>This kiosk has handled many requests in a row. Use another kiosk or go to a counter.</translation>
    </message>
    <message>
        <source>No pudimos completar la operación. Intente de nuevo en un momento.</source>
        <translation>We could not finish. Try again in a moment.</translation>
    </message>
    <message>
        <source>No encontramos su registro de empleador</source>
        <translation>We could not find your employer registration</translation>
    </message>
    <message>
        <source>Previo a la solicitud de la clave de empleador, deberá haber realizado el trámite de registro de empleador. Revise el número, o haga ese registro en www.iess.gob.ec o en una ventanilla.</source>
        <translation>Before requesting the employer password, you must have completed the employer registration. Check the number, or register at www.iess.gob.ec or at a counter.</translation>
    </message>
    <message>
        <source>Ese celular no es el registrado</source>
        <translation>That mobile number is not the registered one</translation>
    </message>
    <message>
        <source>Ese correo no es el registrado</source>
        <translation>That email is not the registered one</translation>
    </message>
    <message>
        <source>El celular no es el registrado en el IESS ({masked}). Escriba ese número</source>
        <translation>The mobile number is not the one registered with the IESS ({masked}). Type that number</translation>
    </message>
    <message>
        <source>No hay un celular registrado en el IESS. Pida el código por correo, al registrado ({masked})</source>
        <translation>There is no mobile number registered with the IESS. Ask for the code by email, at the registered address ({masked})</translation>
    </message>
    <message>
        <source>El correo no es el registrado en el IESS ({masked}). Escriba ese correo</source>
        <translation>The email is not the one registered with the IESS ({masked}). Type that email</translation>
    </message>
    <message>
        <source>No hay un correo registrado en el IESS. Pida el código por mensaje de texto, al celular registrado ({masked})</source>
        <translation>There is no email registered with the IESS. Ask for the code by text message, at the registered mobile ({masked})</translation>
    </message>
    <message>
        <source>Ese dato no es el registrado en el IESS. Escriba el registrado</source>
        <translation>That is not what is registered with the IESS. Type the registered one</translation>
    </message>
    <message>
        <source>{what}, o actualícelo en www.iess.gob.ec o en una ventanilla.</source>
        <translation>{what}, or update it at www.iess.gob.ec or at a counter.</translation>
    </message>
    <message>
        <source>El código se escribió mal varias veces y ya no sirve. Toque «Enviar un código nuevo» y escriba el que le llegue.</source>
        <translation>The code was typed wrong several times and no longer works. Touch “Send a new code” and type the one you receive.</translation>
    </message>
    <message>
        <source>No pudimos enviar el código</source>
        <translation>We could not send the code</translation>
    </message>
    <message>
        <source>No pudimos enviar el código a ese celular. Revise que esté bien escrito, o elija que se lo enviemos por correo.</source>
        <translation>We could not send the code to that mobile number. Check that it is written correctly, or choose to have it sent by email.</translation>
    </message>
    <message>
        <source>No pudimos enviar el código a ese correo. Revise que esté bien escrito, o elija que se lo enviemos por mensaje de texto.</source>
        <translation>We could not send the code to that email address. Check that it is written correctly, or choose to have it sent by text message.</translation>
    </message>
    <message>
        <source>No pudimos enviar un código nuevo a su celular. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por correo.</source>
        <translation>We could not send a new code to your mobile. Type the one you already received, or touch “Back” and choose to have it sent by email.</translation>
    </message>
    <message>
        <source>No pudimos enviar un código nuevo a su correo. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por mensaje de texto.</source>
        <translation>We could not send a new code to your email. Type the one you already received, or touch “Back” and choose to have it sent by text message.</translation>
    </message>
    <message>
        <source>Este quiosco está muy ocupado</source>
        <translation>This kiosk is very busy</translation>
    </message>
    <message>
        <source>Por ahora no podemos enviar otro código</source>
        <translation>We cannot send another code right now</translation>
    </message>
    <message>
        <source>Ya enviamos varios códigos. Podrá pedir otro a las {time}.</source>
        <translation>We have already sent several codes. You can ask for another one at {time}.</translation>
    </message>
    <message>
        <source>Mientras tanto, escriba el último código que le llegó, o pida su turno en una ventanilla o al {phone}.</source>
        <translation>Meanwhile, type the last code you received, or ask for your appointment at a counter or by phone at {phone}.</translation>
    </message>
    <message>
        <source>Si aún no lo ha probado, puede pedir el código por mensaje de texto. También puede pedir su turno en una ventanilla, en www.iess.gob.ec o al {phone}.</source>
        <translation>If you have not tried it yet, you can ask for the code by text message. You can also ask for your appointment at a counter, at www.iess.gob.ec or by phone at {phone}.</translation>
    </message>
    <message>
        <source>Ya tiene el máximo de turnos que se pueden reservar por ahora. Podrá reservar otro a partir del {day} a las {time}.</source>
        <translation>You have already booked as many appointments as allowed for now. You can book another from {day} at {time}.</translation>
    </message>
    <message>
        <source>Si lo necesita antes, acérquese a una ventanilla, o consulte en www.iess.gob.ec o al {phone}.</source>
        <translation>If you need it sooner, go to a counter, check www.iess.gob.ec or call {phone}.</translation>
    </message>
    <message>
        <source>Este quiosco atendió muchas solicitudes seguidas. Podrá continuar a las {time}; mientras tanto, use otro quiosco o acérquese a una ventanilla.</source>
        <translation>This kiosk has handled many requests in a row. You can continue at {time}; meanwhile, use another kiosk or go to a counter.</translation>
    </message>
    <message numerus="yes">
        <source>Le quedan %n intentos.</source>
        <translation>
            <numerusform>You have %n attempt left.</numerusform>
            <numerusform>You have %n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <source>La impresora no funciona ahora. Podrá fotografiar el código QR en la pantalla y recibirá la confirmación por correo.</source>
        <translation>The printer is not working right now. You can photograph the QR code on the screen, and you will get the confirmation by email.</translation>
    </message>
    <message>
        <source>No hay agencias para ese trámite en esta provincia. Elija otra provincia.</source>
        <translation>No office in this province handles that procedure. Choose another province.</translation>
    </message>
    <message>
        <source>Buscando sus datos…</source>
        <translation>Looking up your details…</translation>
    </message>
    <message>
        <source>Enviando el código…</source>
        <translation>Sending the code…</translation>
    </message>
    <message>
        <source>Verificando el código…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <source>Buscando días disponibles…</source>
        <translation>Looking for available days…</translation>
    </message>
    <message>
        <source>Buscando horarios disponibles…</source>
        <translation>Looking for available times…</translation>
    </message>
    <message>
        <source>Reservando la hora…</source>
        <translation>Holding the time for you…</translation>
    </message>
    <message>
        <source>Confirmando su turno…</source>
        <translation>Confirming your appointment…</translation>
    </message>
    <message>
        <source>Cancelando el turno…</source>
        <translation>Cancelling the appointment…</translation>
    </message>
    <message>
        <source>Cargando la información…</source>
        <translation>Loading the information…</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <source>Lleno</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>✓ Libre</source>
        <translation>✓ Open</translation>
    </message>
    <message>
        <source>Cerrado</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Aún no</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Cerrado el {days}: {reason}.</source>
        <translation>Closed on day {days}: {reason}.</translation>
    </message>
    <message>
        <source>Se puede reservar hasta el {date}.</source>
        <translation>Appointments can be booked until {date}.</translation>
    </message>
    <message>
        <source>{list} y {last}</source>
        <translation>{list} and {last}</translation>
    </message>
    <message>
        <source>Mes anterior</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Mes siguiente</source>
        <translation>Next month</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <source>Entendido</source>
        <translation>Understood</translation>
    </message>
</context>
<context>
    <name>OutOfServiceOverlay</name>
    <message>
        <source>Kiosco fuera de servicio</source>
        <translation>Kiosk out of service</translation>
    </message>
    <message>
        <source>No podemos conectarnos con el sistema de turnos. Puede pedir su turno en www.iess.gob.ec o llamar al {phone}.</source>
        <translation>We cannot reach the appointment system. You can book at www.iess.gob.ec or call {phone}.</translation>
    </message>
    <message>
        <source>El kiosco volverá a funcionar solo, en cuanto sea posible.</source>
        <translation>The kiosk will work again by itself as soon as possible.</translation>
    </message>
</context>
<context>
    <name>PrintingView</name>
    <message>
        <source>No pudimos imprimir su comprobante</source>
        <extracomment>The QR&apos;s least side: a phone camera at arm&apos;s length reads it, as measured in the tests.</extracomment>
        <translation>We could not print your slip</translation>
    </message>
    <message>
        <source>Imprimiendo su comprobante</source>
        <translation>Printing your slip</translation>
    </message>
    <message>
        <source>Su turno está reservado. Tome una foto del código QR con su celular y muéstrela en la ventanilla.</source>
        <translation>Your appointment is booked. Take a photo of the QR code with your phone and show it at the counter.</translation>
    </message>
    <message>
        <source>Terminar</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Imprimiendo su comprobante… Espere un momento.</source>
        <translation>Printing your slip… Please wait.</translation>
    </message>
    <message>
        <source>También le enviamos la confirmación a su correo electrónico.</source>
        <translation>We also sent the confirmation to your email.</translation>
    </message>
    <message>
        <source>Intentar imprimir de nuevo</source>
        <translation>Try printing again</translation>
    </message>
</context>
<context>
    <name>PrivacyView</name>
    <message>
        <source>Protección de sus datos personales</source>
        <translation>Protection of your personal data</translation>
    </message>
    <message>
        <source>Para qué: usaremos su correo electrónico y su número de celular solo para enviarle el código de verificación y la confirmación de su turno.

Base legal: la Ley Orgánica de Protección de Datos Personales y el servicio público que presta el IESS.

Cuánto tiempo: los borramos {days} días después de su cita. Este equipo no guarda nada cuando usted termina.

Preguntas o reclamos: Atención al Ciudadano, teléfono {phone}.</source>
        <translation>What for: we use your email address and mobile number only to send you the verification code and the confirmation of your appointment.

Legal basis: the Organic Law on Personal Data Protection and the public service provided by the IESS.

How long: we erase them {days} days after your appointment. This kiosk keeps nothing once you finish.

Questions or complaints: Citizen Services, phone {phone}.</translation>
    </message>
    <message>
        <source>Responsable: Instituto Ecuatoriano de Seguridad Social (IESS), Atención al Ciudadano.

Datos que pedimos: el número de su documento de identidad, su correo electrónico y su número de celular. No pedimos datos sensibles.

Finalidad: verificar que el correo o el celular son suyos, reservar su turno, enviarle la confirmación y avisarle si la cita cambia. No usamos sus datos para publicidad ni los vendemos.

Base legal: el cumplimiento de la función pública del IESS y su consentimiento al continuar (Ley Orgánica de Protección de Datos Personales, artículos 7 y 12).

Conservación: el correo y el celular se borran {days} días después de su cita; el registro del turno se guarda el tiempo que exige la ley.

Destinatarios: solo el personal del IESS que lo atiende. No se transfieren a otros países.

Sus derechos: puede pedir acceso, rectificación, actualización, eliminación, oposición y portabilidad de sus datos, y reclamar ante la Autoridad de Protección de Datos Personales.

Contacto: Atención al Ciudadano, teléfono {phone}, o en cualquier Centro de Atención del IESS.</source>
        <translation>Controller: Instituto Ecuatoriano de Seguridad Social (IESS), Citizen Services.

Data we ask for: your identity document number, your email address and your mobile number. We ask for no sensitive data.

Purpose: to check that the email or mobile number is yours, to book your appointment, to send you the confirmation and to tell you if the appointment changes. We do not use your data for advertising and we do not sell it.

Legal basis: the IESS&apos;s public function and your consent when you continue (Organic Law on Personal Data Protection, articles 7 and 12).

Retention: the email address and mobile number are erased {days} days after your appointment; the appointment record is kept as long as the law requires.

Recipients: only the IESS staff who serve you. The data is not transferred to other countries.

Your rights: you may ask for access, rectification, update, erasure, objection and portability of your data, and complain to the Personal Data Protection Authority.

Contact: Citizen Services, phone {phone}, or at any IESS service centre.</translation>
    </message>
    <message>
        <source>Leer menos</source>
        <translation>Read less</translation>
    </message>
    <message>
        <source>Leer todo</source>
        <translation>Read all</translation>
    </message>
    <message>
        <source>Entendido, continuar</source>
        <translation>Understood, continue</translation>
    </message>
</context>
<context>
    <name>ProcedureView</name>
    <message>
        <source>Elija el tipo de trámite</source>
        <translation>Choose the type of procedure</translation>
    </message>
    <message>
        <source>Solo se muestran los trámites que se atienden en su provincia.</source>
        <translation>Only procedures handled in your province are shown.</translation>
    </message>
</context>
<context>
    <name>ProvinceView</name>
    <message>
        <source>¿En qué provincia desea ser atendido?</source>
        <translation>In which province would you like to be served?</translation>
    </message>
    <message>
        <source>Toque una provincia, o búsquela por su nombre o el de una ciudad.</source>
        <translation>Touch a province, or search for it by its name or by one of its cities.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>El tiempo para confirmar terminó. Toque «Atrás» y elija otra hora.</source>
        <translation>The time to confirm has run out. Touch “Back” and choose another time.</translation>
    </message>
    <message>
        <source>Guardamos esta hora para usted durante {time}.</source>
        <translation>We are holding this time for you for {time}.</translation>
    </message>
    <message>
        <source>Por ahora no podemos reservar este turno</source>
        <translation>We cannot book this appointment right now</translation>
    </message>
    <message>
        <source>Revise su turno</source>
        <translation>Check your appointment</translation>
    </message>
    <message>
        <source>Si todo está bien, toque «Confirmar».</source>
        <translation>If everything is right, touch “Confirm”.</translation>
    </message>
    <message>
        <source>Confirmar</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Correo</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Celular</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Trámite</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Agencia</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Hora</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Lleve a su cita:</source>
        <translation>Bring to your appointment:</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Elija el día y la hora</source>
        <translation>Choose the day and the time</translation>
    </message>
    <message>
        <source>Primero toque un día con ✓; luego, la hora que prefiera.</source>
        <translation>First touch a day with ✓; then the time you prefer.</translation>
    </message>
    <message>
        <source>Elija un día en el calendario.</source>
        <translation>Choose a day in the calendar.</translation>
    </message>
    <message>
        <source>Horas libres el {date}:</source>
        <translation>Free times on {date}:</translation>
    </message>
    <message>
        <source>No hay turnos este día.</source>
        <translation>There are no appointments this day.</translation>
    </message>
    <message>
        <source>Elija otro día en el calendario.</source>
        <translation>Choose another day in the calendar.</translation>
    </message>
    <message>
        <source>El próximo día con turnos es el {date}.</source>
        <translation>The next day with appointments is {date}.</translation>
    </message>
    <message>
        <source>Ver las horas del {date}</source>
        <translation>See the times on {date}</translation>
    </message>
</context>
<context>
    <name>SpeechGuide</name>
    <message>
        <source>Su número de cédula termina en {end}.</source>
        <translation>Your ID card number ends in {end}.</translation>
    </message>
    <message>
        <source>Su número de documento termina en {end}.</source>
        <translation>Your document number ends in {end}.</translation>
    </message>
    <message>
        <source>terminado en {end}</source>
        <translation>ending in {end}</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Verificado sin conexión.</source>
        <translation>Verified without connection.</translation>
    </message>
    <message>
        <source>Llegada registrada</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Verificado sin conexión: se enviará al sistema cuando vuelva.</source>
        <translation>Verified without connection: it will be sent when the system is back.</translation>
    </message>
    <message>
        <source>Puede atender a la persona. Compare el documento.</source>
        <translation>You may serve the person. Compare the ID document.</translation>
    </message>
    <message>
        <source>Ya registrado a las {time} (sin conexión)</source>
        <translation>Already checked in at {time} (without connection)</translation>
    </message>
    <message>
        <source>Ya registrado a las {time}</source>
        <translation>Already checked in at {time}</translation>
    </message>
    <message>
        <source>Este comprobante ya se usó. No lo registre otra vez.</source>
        <translation>This slip was already used. Do not check it in again.</translation>
    </message>
    <message>
        <source>Turno cancelado</source>
        <translation>Turn cancelled</translation>
    </message>
    <message>
        <source>Este turno fue cancelado. La persona necesita un turno nuevo.</source>
        <translation>This turn was cancelled. The person needs a new turn.</translation>
    </message>
    <message>
        <source>El turno es para {agency}. Indique a la persona que acuda allá.</source>
        <translation>The turn is for {agency}. Send the person there.</translation>
    </message>
    <message>
        <source>El turno es para otra agencia.</source>
        <translation>The turn is for another agency.</translation>
    </message>
    <message>
        <source>Turno de otra agencia</source>
        <translation>Turn for another agency</translation>
    </message>
    <message>
        <source>Turno de otro día</source>
        <translation>Turn for another day</translation>
    </message>
    <message>
        <source>El turno es para el {date}.</source>
        <translation>The turn is for {date}.</translation>
    </message>
    <message>
        <source>Todavía es temprano</source>
        <translation>Too early</translation>
    </message>
    <message>
        <source>Puede registrarse desde las {time}.</source>
        <translation>Check-in opens at {time}.</translation>
    </message>
    <message>
        <source>Llegó tarde</source>
        <translation>Too late</translation>
    </message>
    <message>
        <source>El turno era a las {time}; el registro cerró a las {closed}.</source>
        <translation>The turn was at {time}; check-in closed at {closed}.</translation>
    </message>
    <message>
        <source>No coincide</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>No hay un turno de hoy con ese código y ese número de documento. Revise los dos.</source>
        <translation>No turn today has that code and that ID number. Check both.</translation>
    </message>
    <message>
        <source>Falso o dañado</source>
        <translation>Forged or damaged</translation>
    </message>
    <message>
        <source>El sistema no emitió este código, o está dañado. No registre la llegada; pruebe con el código del turno.</source>
        <translation>The system did not issue this code, or it is damaged. Do not check in; try the turn code instead.</translation>
    </message>
    <message>
        <source>No es un comprobante de turno</source>
        <translation>Not a turn slip</translation>
    </message>
    <message>
        <source>El código leído no es el QR de un turno.</source>
        <translation>The code read is not a turn&apos;s QR.</translation>
    </message>
    <message>
        <source>No se encontró un código QR</source>
        <translation>No QR code found</translation>
    </message>
    <message>
        <source>Abra una foto o un PDF donde se vea el QR completo.</source>
        <translation>Open a picture or PDF that shows the whole QR.</translation>
    </message>
    <message>
        <source>Archivo no admitido</source>
        <translation>File not supported</translation>
    </message>
    <message>
        <source>Abra una foto (PNG, JPG) o un PDF del comprobante.</source>
        <translation>Open a picture (PNG, JPG) or a PDF of the slip.</translation>
    </message>
    <message>
        <source>No se pudo leer el archivo</source>
        <translation>The file could not be read</translation>
    </message>
    <message>
        <source>El archivo está dañado o no se puede abrir. Pruebe con otro.</source>
        <translation>The file is damaged or cannot be opened. Try another one.</translation>
    </message>
    <message>
        <source>Archivo demasiado grande</source>
        <translation>File too large</translation>
    </message>
    <message>
        <source>Abra una foto más pequeña, o recorte el QR.</source>
        <translation>Open a smaller picture, or crop it to the QR.</translation>
    </message>
    <message>
        <source>Este equipo no puede leer archivos</source>
        <translation>This computer cannot read files</translation>
    </message>
    <message>
        <source>Falta el lector de QR en la instalación. Use el lector o el código.</source>
        <translation>The QR reader is not installed. Use the scanner or the turn code.</translation>
    </message>
    <message>
        <source>Se necesita conexión</source>
        <translation>Connection needed</translation>
    </message>
    <message>
        <source>El registro por código necesita el sistema. Escanee el QR, o intente de nuevo en un momento.</source>
        <translation>Checking in by code needs the system. Scan the QR instead, or try again in a moment.</translation>
    </message>
    <message>
        <source>No se puede verificar ahora</source>
        <translation>Cannot verify now</translation>
    </message>
    <message>
        <source>Este código usa una clave nueva y no hay conexión para obtenerla. Intente de nuevo cuando vuelva la conexión.</source>
        <translation>This code uses a new key and there is no connection to fetch it. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>No se pudo guardar la llegada</source>
        <translation>The arrival could not be saved</translation>
    </message>
    <message>
        <source>El comprobante es válido, pero sin conexión la llegada no se pudo guardar: el disco está lleno. Atienda al ciudadano y avise a soporte técnico.</source>
        <translation>The slip is genuine, but without a connection the arrival could not be saved: the disk is full. Serve the citizen and tell technical support.</translation>
    </message>
    <message>
        <source>El sistema no aceptó la consulta</source>
        <translation>The system refused the request</translation>
    </message>
    <message>
        <source>Intente de nuevo en un momento. Si se repite, avise al administrador.</source>
        <translation>Try again in a moment. If it happens again, tell the administrator.</translation>
    </message>
    <message>
        <source>El sistema no acepta este puesto</source>
        <translation>The system does not accept this counter</translation>
    </message>
    <message>
        <source>La credencial de este puesto no es válida. Avise al administrador.</source>
        <translation>This counter&apos;s credential is not valid. Tell the administrator.</translation>
    </message>
    <message>
        <source>Escanee el QR del comprobante</source>
        <translation>Scan the QR on the slip</translation>
    </message>
    <message>
        <source>Use el lector, la cámara, un archivo o el código del turno.</source>
        <translation>Use the scanner, the camera, a file or the turn code.</translation>
    </message>
    <message>
        <source>Verificando…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Consultando al sistema.</source>
        <translation>Asking the system.</translation>
    </message>
    <message>
        <source>Turno</source>
        <translation>Turn</translation>
    </message>
    <message>
        <source>Trámite</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Hora</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Documento</source>
        <translation>ID document</translation>
    </message>
    <message>
        <source>Registrado {time}</source>
        <translation>Checked in {time}</translation>
    </message>
    <message>
        <source>Cancelado</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>No se presentó</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Por llegar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Registrados</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>No se presentaron</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Cancelados</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Todos los estados</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Lista actualizada a las {time}</source>
        <translation>List updated at {time}</translation>
    </message>
    <message>
        <source>Sin conexión: lista de las {time}</source>
        <translation>Offline: list from {time}</translation>
    </message>
    <message>
        <source>Sin conexión: la lista llegará con la conexión</source>
        <translation>Offline: the list will come with the connection</translation>
    </message>
    <message>
        <source>El sistema no acepta la credencial de este puesto</source>
        <translation>The system does not accept this counter&apos;s credential</translation>
    </message>
    <message>
        <source>Conectando con el sistema…</source>
        <translation>Connecting to the system…</translation>
    </message>
    <message>
        <source>En línea</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Sin conexión desde las {time}</source>
        <translation>Offline since {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n registro por enviar</source>
        <translation>
            <numerusform>%n check-in to send</numerusform>
            <numerusform>%n check-ins to send</numerusform>
        </translation>
    </message>
    <message>
        <source>sin claves: no puede verificar sin conexión</source>
        <translation>no keys: cannot verify without connection</translation>
    </message>
    <message>
        <source>claves de las {time}</source>
        <translation>keys from {time}</translation>
    </message>
    <message>
        <source>claves del {date} a las {time}</source>
        <translation>keys from {date} at {time}</translation>
    </message>
    <message>
        <source>Abrir foto o PDF del comprobante</source>
        <translation>Open a picture or PDF of the slip</translation>
    </message>
    <message>
        <source>Fotos o PDF</source>
        <translation>Pictures or PDF</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>Escriba el código del turno.</source>
        <translation>Type the turn code.</translation>
    </message>
    <message>
        <source>Escriba el número de documento.</source>
        <translation>Type the ID number.</translation>
    </message>
    <message>
        <source>Registro de llegada</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Detener cámara (F4)</source>
        <translation>Stop camera (F4)</translation>
    </message>
    <message>
        <source>Cámara (F4)</source>
        <translation>Camera (F4)</translation>
    </message>
    <message>
        <source>Abrir archivo… (F3)</source>
        <translation>Open file… (F3)</translation>
    </message>
    <message>
        <source>O arrastre aquí una foto o un PDF del comprobante.</source>
        <translation>Or drop a picture or PDF of the slip here.</translation>
    </message>
    <message>
        <source>Sin QR: código del turno y documento (F2)</source>
        <translation>No QR: turn code and ID (F2)</translation>
    </message>
    <message>
        <source>Código del turno</source>
        <translation>Turn code</translation>
    </message>
    <message>
        <source>Número de documento</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>F5 actualizar · Ctrl+F buscar en la lista · El lector funciona siempre.</source>
        <translation>F5 refresh · Ctrl+F search the list · The scanner always works.</translation>
    </message>
    <message>
        <source>La cámara está desactivada en la configuración.</source>
        <translation>The camera is turned off in the settings.</translation>
    </message>
    <message>
        <source>No se encontró una cámara. Use el lector o abra un archivo.</source>
        <translation>No camera found. Use the scanner or open a file.</translation>
    </message>
    <message>
        <source>Falta el soporte de cámara en esta instalación. Use el lector o abra un archivo.</source>
        <translation>This computer has no camera support installed. Use the scanner or open a file.</translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message>
        <source>Siguiente</source>
        <extracomment>validity, busy state or error changed: the shell re-reads is_valid()/next_label(). the citizen confirmed inside the view (e.g. the keypad&apos;s OK key): same as Siguiente.</extracomment>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>TechnicianOverlay</name>
    <message>
        <source>Kiosco fuera de servicio</source>
        <translation>Kiosk out of service</translation>
    </message>
    <message>
        <source>Este kiosco necesita la visita de un técnico. Por favor, acérquese a una ventanilla.</source>
        <translation>This kiosk needs a technician. Please go to a service counter.</translation>
    </message>
</context>
<context>
    <name>TurnBlock</name>
    <message>
        <source>Su turno</source>
        <translation>Your appointment</translation>
    </message>
</context>
<context>
    <name>TurnCard</name>
    <message>
        <source>{date}, a las {time}</source>
        <translation>{date}, at {time}</translation>
    </message>
    <message>
        <source>Imprimir de nuevo</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>En otra agencia. Su comprobante se imprime allí.</source>
        <translation>At another agency. Your slip is printed there.</translation>
    </message>
    <message>
        <source>No, mantener</source>
        <translation>No, keep it</translation>
    </message>
    <message>
        <source>Sí, anularlo</source>
        <translation>Yes, cancel it</translation>
    </message>
    <message>
        <source>Anular turno</source>
        <translation>Cancel appointment</translation>
    </message>
</context>
<context>
    <name>TurnWords</name>
    <message>
        <source>Si es artesano calificado: {title}</source>
        <translation>If you are a qualified artisan: {title}</translation>
    </message>
    <message>
        <source>{date}, a las {time}</source>
        <translation>{date}, at {time}</translation>
    </message>
    <message>
        <source>También le enviamos la confirmación al correo {email}.</source>
        <translation>We also sent the confirmation to the address {email}.</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Bienvenido</source>
        <extracomment>the citizen touched a language button (or the screen: the default language).</extracomment>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Empezar</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Reserve su turno de atención</source>
        <translation>Book your appointment</translation>
    </message>
    <message>
        <source>Toque el botón de su idioma para empezar. El trámite no tiene costo.</source>
        <translation>Tap the button of your language to start. The procedure is free of charge.</translation>
    </message>
    <message>
        <source>La impresora no funciona ahora. Puede reservar igual: verá su turno en la pantalla y le llegará por correo.</source>
        <translation>The printer is not working right now. You can still book: you will see your appointment on the screen and receive it by email.</translation>
    </message>
    <message>
        <source>Tenga a mano su cédula, su correo electrónico y su número de celular.</source>
        <translation>Have your ID card, your email address and your mobile number at hand.</translation>
    </message>
</context>
</TS>
