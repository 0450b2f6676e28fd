<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_EC" sourcelanguage="es_EC">
<context>
    <name>AgencyView</name>
    <message>
        <source>{first} a {last}</source>
        <translation>{first} a {last}</translation>
    </message>
    <message>
        <source>{days} de {opens} a {closes}</source>
        <translation>{days} de {opens} a {closes}</translation>
    </message>
    <message>
        <source>¿En qué agencia desea ser atendido?</source>
        <translation>¿En qué agencia desea ser atendido?</translation>
    </message>
    <message>
        <source>Solo se muestran las agencias que atienden este trámite.</source>
        <translation>Solo se muestran las agencias que atienden este trámite.</translation>
    </message>
</context>
<context>
    <name>BringList</name>
    <message>
        <source>Preséntese 10 minutos antes con:</source>
        <translation>Preséntese 10 minutos antes con:</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <source>El sistema está tardando en responder.</source>
        <extracomment>alpha of the layer&apos;s background: opaque hides the screen, lower dims it.</extracomment>
        <translation>El sistema está tardando en responder.</translation>
    </message>
    <message>
        <source>Toque «Intentar de nuevo» o cancele para volver.</source>
        <translation>Toque «Intentar de nuevo» o cancele para volver.</translation>
    </message>
    <message>
        <source>Un momento, por favor…</source>
        <translation>Un momento, por favor…</translation>
    </message>
    <message>
        <source>Estamos consultando el sistema de turnos.</source>
        <translation>Estamos consultando el sistema de turnos.</translation>
    </message>
    <message>
        <source>Intentar de nuevo</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ChoiceList</name>
    <message>
        <source>No encontramos «{text}». Borre unas letras o revise lo escrito.</source>
        <extracomment>other names the search finds the item by (a province&apos;s cities); the one found is shown under the title, so that &quot;quito&quot; shows &quot;Pichincha&quot; with &quot;Quito&quot; beneath. the search hid the chosen item, so it is no longer chosen (Siguiente must not stay on) letters typed before other names (a province&apos;s cities) are searched too, and then only from the start of their words: &quot;sa&quot; would otherwise list half the country&apos;s towns.</extracomment>
        <translation>No encontramos «{text}». Borre unas letras o revise lo escrito.</translation>
    </message>
    <message>
        <source>Buscar por nombre</source>
        <translation>Buscar por nombre</translation>
    </message>
    <message>
        <source>Ocultar teclado</source>
        <translation>Ocultar teclado</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Escriba el código que le enviamos</source>
        <extracomment>room for the longest message of this screen (a send limit, with what to do meanwhile)</extracomment>
        <translation>Escriba el código que le enviamos</translation>
    </message>
    <message>
        <source>Tiene 6 dígitos.</source>
        <translation>Tiene 6 dígitos.</translation>
    </message>
    <message>
        <source>Tiene 6 dígitos. Lo enviamos por mensaje de texto al {target}.</source>
        <translation>Tiene 6 dígitos. Lo enviamos por mensaje de texto al {target}.</translation>
    </message>
    <message>
        <source>Tiene 6 dígitos. Lo enviamos al correo {target}.</source>
        <translation>Tiene 6 dígitos. Lo enviamos al correo {target}.</translation>
    </message>
    <message>
        <source>Verificar</source>
        <translation>Verificar</translation>
    </message>
    <message numerus="yes">
        <source>Le queda %n intento.</source>
        <translation>
            <numerusform>Le queda %n intento.</numerusform>
            <numerusform>Le quedan %n intentos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Le quedan %n intentos.</source>
        <translation>
            <numerusform>Le queda %n intento.</numerusform>
            <numerusform>Le quedan %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>El código vale hasta las {time}.</source>
        <translation>El código vale hasta las {time}.</translation>
    </message>
    <message>
        <source>Pedir otro código en {time}</source>
        <translation>Pedir otro código en {time}</translation>
    </message>
    <message>
        <source>Enviar un código nuevo</source>
        <translation>Enviar un código nuevo</translation>
    </message>
    <message>
        <source>¿No le llegó el código?</source>
        <translation>¿No le llegó el código?</translation>
    </message>
    <message>
        <source>Revise los mensajes de texto de su celular.</source>
        <translation>Revise los mensajes de texto de su celular.</translation>
    </message>
    <message>
        <source>Revise también la carpeta de correo no deseado: el asunto es «Verificar IESS turno online».</source>
        <translation>Revise también la carpeta de correo no deseado: el asunto es «Verificar IESS turno online».</translation>
    </message>
    <message>
        <source>El código puede tardar unos minutos en llegar.</source>
        <translation>El código puede tardar unos minutos en llegar.</translation>
    </message>
    <message>
        <source>Si no llega, toque «Enviar un código nuevo» cuando el botón se active, o toque «Atrás» para corregir su correo o su celular.</source>
        <translation>Si no llega, toque «Enviar un código nuevo» cuando el botón se active, o toque «Atrás» para corregir su correo o su celular.</translation>
    </message>
</context>
<context>
    <name>ContactView</name>
    <message>
        <source>Revise lo que va después de la @.</source>
        <extracomment>room kept under each field for its error: the errors are short, so that the screen fits with large text and the keys never move when one shows</extracomment>
        <translation>Revise lo que va después de la @.</translation>
    </message>
    <message>
        <source>Falta la @ o el dominio (gmail.com).</source>
        <translation>Falta la @ o el dominio (gmail.com).</translation>
    </message>
    <message>
        <source>El celular empieza con 09. Revíselo.</source>
        <translation>El celular empieza con 09. Revíselo.</translation>
    </message>
    <message>
        <source>Escriba los 10 dígitos, desde el 09.</source>
        <translation>Escriba los 10 dígitos, desde el 09.</translation>
    </message>
    <message>
        <source>Antes de pedir sus datos de contacto</source>
        <translation>Antes de pedir sus datos de contacto</translation>
    </message>
    <message>
        <source>Escriba su correo y su celular</source>
        <translation>Escriba su correo y su celular</translation>
    </message>
    <message>
        <source>Lea cómo cuidamos sus datos y toque «Entendido, continuar».</source>
        <translation>Lea cómo cuidamos sus datos y toque «Entendido, continuar».</translation>
    </message>
    <message>
        <source>Le enviaremos un código para comprobar que son suyos.</source>
        <translation>Le enviaremos un código para comprobar que son suyos.</translation>
    </message>
    <message>
        <source>Siguiente</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Correo electrónico</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>nombre@gmail.com</source>
        <translation>nombre@gmail.com</translation>
    </message>
    <message>
        <source>Número de celular</source>
        <translation>Número de celular</translation>
    </message>
    <message>
        <source>Enviar el código por mensaje de texto</source>
        <translation>Enviar el código por mensaje de texto</translation>
    </message>
</context>
<context>
    <name>CuedScroll</name>
    <message>
        <source>▼ Deslice para ver más</source>
        <translation>▼ Deslice para ver más</translation>
    </message>
</context>
<context>
    <name>DateWords</name>
    <message>
        <source>enero</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>febrero</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>marzo</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>abril</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>mayo</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>junio</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>julio</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>agosto</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>septiembre</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>octubre</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>noviembre</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>diciembre</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <source>lunes</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>martes</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>miércoles</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>jueves</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>viernes</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>sábado</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>domingo</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>Lu Ma Mi Ju Vi Sá Do</source>
        <translation>Lu Ma Mi Ju Vi Sá Do</translation>
    </message>
    <message>
        <source>{weekday} {day} de {month} de {year}</source>
        <extracomment>a date in words; {weekday} and {month} are the names above, {day} and {year} numbers</extracomment>
        <translation>{weekday} {day} de {month} de {year}</translation>
    </message>
    <message>
        <source>{month} de {year}</source>
        <translation>{month} de {year}</translation>
    </message>
</context>
<context>
    <name>DayList</name>
    <message>
        <source>Turnos de hoy</source>
        <translation>Turnos de hoy</translation>
    </message>
    <message>
        <source>Buscar por código o nombre</source>
        <translation>Buscar por código o nombre</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>SMS a {to}</source>
        <translation>SMS a {to}</translation>
    </message>
    <message>
        <source>Correo a {to}</source>
        <translation>Correo a {to}</translation>
    </message>
    <message>
        <source>Aquí aparecerá el código&lt;br&gt;enviado por correo o SMS</source>
        <translation>Aquí aparecerá el código&lt;br&gt;enviado por correo o SMS</translation>
    </message>
    <message>
        <source>por SMS a {to}</source>
        <translation>por SMS a {to}</translation>
    </message>
    <message>
        <source>por correo a {to}</source>
        <translation>por correo a {to}</translation>
    </message>
    <message>
        <source>código enviado hace {n} s</source>
        <translation>código enviado hace {n} s</translation>
    </message>
    <message>
        <source>código enviado hace {n} min</source>
        <translation>código enviado hace {n} min</translation>
    </message>
    <message>
        <source>código enviado hace {n} h</source>
        <translation>código enviado hace {n} h</translation>
    </message>
    <message>
        <source>Ocultar</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Ver mensajes</source>
        <translation>Ver mensajes</translation>
    </message>
    <message>
        <source>Para salir: Ctrl+Q, o cinco toques seguidos en la esquina superior izquierda, el PIN 2468 y «Salir».</source>
        <translation>Para salir: Ctrl+Q, o cinco toques seguidos en la esquina superior izquierda, el PIN 2468 y «Salir».</translation>
    </message>
    <message>
        <source>Para salir: Ctrl+Q.</source>
        <translation>Para salir: Ctrl+Q.</translation>
    </message>
    <message>
        <source>Esta franja es solo de la demostración: muestra los correos y SMS que el servicio enviaría.</source>
        <translation>Esta franja es solo de la demostración: muestra los correos y SMS que el servicio enviaría.</translation>
    </message>
    <message>
        <source>Todavía no se ha enviado nada.</source>
        <translation>Todavía no se ha enviado nada.</translation>
    </message>
</context>
<context>
    <name>DoneView</name>
    <message>
        <source>Su turno está reservado</source>
        <translation>Su turno está reservado</translation>
    </message>
    <message>
        <source>Terminar</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>↓ Retire su comprobante en la ranura de abajo.</source>
        <translation>↓ Retire su comprobante en la ranura de abajo.</translation>
    </message>
</context>
<context>
    <name>ErrorOverlay</name>
    <message>
        <source>Algo salió mal</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>No pudimos completar la operación. Sus datos fueron borrados. Empiece de nuevo.</source>
        <translation>No pudimos completar la operación. Sus datos fueron borrados. Empiece de nuevo.</translation>
    </message>
    <message>
        <source>Empezar de nuevo</source>
        <translation>Empezar de nuevo</translation>
    </message>
</context>
<context>
    <name>ExistingView</name>
    <message>
        <source>Usted ya tiene un turno reservado</source>
        <translation>Usted ya tiene un turno reservado</translation>
    </message>
    <message>
        <source>Puede imprimirlo de nuevo, anularlo o reservar otro turno.</source>
        <translation>Puede imprimirlo de nuevo, anularlo o reservar otro turno.</translation>
    </message>
    <message>
        <source>Reservar otro turno</source>
        <translation>Reservar otro turno</translation>
    </message>
    <message>
        <source>Ya no tiene turnos reservados. Puede reservar uno nuevo.</source>
        <translation>Ya no tiene turnos reservados. Puede reservar uno nuevo.</translation>
    </message>
</context>
<context>
    <name>IdentifyView</name>
    <message>
        <source>Escriba el número de su documento.</source>
        <translation>Escriba el número de su documento.</translation>
    </message>
    <message>
        <source>Faltan dígitos: la cédula tiene 10. Revise el número.</source>
        <translation>Faltan dígitos: la cédula tiene 10. Revise el número.</translation>
    </message>
    <message>
        <source>La cédula tiene 10 dígitos. Borre los que sobran.</source>
        <translation>La cédula tiene 10 dígitos. Borre los que sobran.</translation>
    </message>
    <message>
        <source>El número es muy largo. Revise su documento.</source>
        <translation>El número es muy largo. Revise su documento.</translation>
    </message>
    <message>
        <source>Use solo números.</source>
        <translation>Use solo números.</translation>
    </message>
    <message>
        <source>Use solo letras y números.</source>
        <translation>Use solo letras y números.</translation>
    </message>
    <message>
        <source>Los dos primeros dígitos no corresponden a una provincia. Revise el número.</source>
        <translation>Los dos primeros dígitos no corresponden a una provincia. Revise el número.</translation>
    </message>
    <message>
        <source>El tercer dígito no es válido para una cédula. Revise el número.</source>
        <translation>El tercer dígito no es válido para una cédula. Revise el número.</translation>
    </message>
    <message>
        <source>El número de cédula no es válido. Revise los 10 dígitos.</source>
        <translation>El número de cédula no es válido. Revise los 10 dígitos.</translation>
    </message>
    <message>
        <source>Número completo. Toque «Consultar».</source>
        <translation>Número completo. Toque «Consultar».</translation>
    </message>
    <message>
        <source>El número parece incompleto. Revise su documento.</source>
        <translation>El número parece incompleto. Revise su documento.</translation>
    </message>
    <message>
        <source>{n} de 10</source>
        <translation>{n} de 10</translation>
    </message>
    <message>
        <source>{n} caracteres (de {low} a {high})</source>
        <translation>{n} caracteres (de {low} a {high})</translation>
    </message>
    <message>
        <source>Escriba su número de cédula</source>
        <translation>Escriba su número de cédula</translation>
    </message>
    <message>
        <source>Escriba su número de pasaporte</source>
        <translation>Escriba su número de pasaporte</translation>
    </message>
    <message>
        <source>Escriba su código de extranjero</source>
        <translation>Escriba su código de extranjero</translation>
    </message>
    <message>
        <source>Escriba las letras y números tal como están en su pasaporte.</source>
        <translation>Escriba las letras y números tal como están en su pasaporte.</translation>
    </message>
    <message>
        <source>Escriba el código de identificación que le dio el IESS.</source>
        <translation>Escriba el código de identificación que le dio el IESS.</translation>
    </message>
    <message>
        <source>Si no tiene cédula, elija «Pasaporte» o «Código de extranjero».</source>
        <translation>Si no tiene cédula, elija «Pasaporte» o «Código de extranjero».</translation>
    </message>
    <message>
        <source>Consultar</source>
        <translation>Consultar</translation>
    </message>
    <message>
        <source>Cédula</source>
        <translation>Cédula</translation>
    </message>
    <message>
        <source>Pasaporte</source>
        <translation>Pasaporte</translation>
    </message>
    <message>
        <source>Código de extranjero</source>
        <translation>Código de extranjero</translation>
    </message>
    <message>
        <source>Número de cédula (10 dígitos)</source>
        <translation>Número de cédula (10 dígitos)</translation>
    </message>
    <message>
        <source>Número del documento (letras y números)</source>
        <translation>Número del documento (letras y números)</translation>
    </message>
</context>
<context>
    <name>IdleWarningOverlay</name>
    <message numerus="yes">
        <source>Si no responde en %n segundos, borraremos sus datos.</source>
        <translation>
            <numerusform>Si no responde en %n segundo, borraremos sus datos.</numerusform>
            <numerusform>Si no responde en %n segundos, borraremos sus datos.</numerusform>
        </translation>
    </message>
    <message>
        <source>¿Necesita más tiempo?</source>
        <translation>¿Necesita más tiempo?</translation>
    </message>
    <message>
        <source>Sí, continuar</source>
        <translation>Sí, continuar</translation>
    </message>
    <message>
        <source>No, terminar</source>
        <translation>No, terminar</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Borrar</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Mayúsculas</source>
        <translation>Mayúsculas</translation>
    </message>
    <message>
        <source>espacio</source>
        <translation>espacio</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Borrar</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Listo</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>◐ Contraste</source>
        <extracomment>the low-reach mode went on or off (by its button, `set_low_reach` or a reset). spoken guidance went on or off (by its button, `set_speech` or a reset).</extracomment>
        <translation>◐ Contraste</translation>
    </message>
    <message>
        <source>A+ Letra grande</source>
        <translation>A+ Letra grande</translation>
    </message>
    <message>
        <source>Voz</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>♿ Bajar botones</source>
        <translation>♿ Bajar botones</translation>
    </message>
    <message>
        <source>◀ Atrás</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>Empezar de nuevo</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Paso {n} de {m}</source>
        <translation>Paso {n} de {m}</translation>
    </message>
</context>
<context>
    <name>MaintenancePanel</name>
    <message>
        <source>PIN incorrecto. Intente de nuevo.</source>
        <translation>PIN incorrecto. Intente de nuevo.</translation>
    </message>
    <message>
        <source>Mantenimiento</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <source>PIN de técnico</source>
        <translation>PIN de técnico</translation>
    </message>
    <message>
        <source>Servicio</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Estado del servicio</source>
        <translation>Estado del servicio</translation>
    </message>
    <message>
        <source>Impresora</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>Kiosco</source>
        <translation>Kiosco</translation>
    </message>
    <message>
        <source>Versión</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Imprimir prueba</source>
        <translation>Imprimir prueba</translation>
    </message>
    <message>
        <source>Actualizar</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Reiniciar</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Salir</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Cerrar</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Escriba su correo electrónico.</source>
        <translation>Escriba su correo electrónico.</translation>
    </message>
    <message>
        <source>El correo electrónico no es válido. Revíselo, por ejemplo: nombre@gmail.com.</source>
        <translation>El correo electrónico no es válido. Revíselo, por ejemplo: nombre@gmail.com.</translation>
    </message>
    <message>
        <source>Escriba su número de celular.</source>
        <translation>Escriba su número de celular.</translation>
    </message>
    <message>
        <source>Escriba un número de celular de Ecuador, que empiece con 09.</source>
        <translation>Escriba un número de celular de Ecuador, que empiece con 09.</translation>
    </message>
    <message>
        <source>El número de celular no es válido. Tiene 10 dígitos y empieza con 09.</source>
        <translation>El número de celular no es válido. Tiene 10 dígitos y empieza con 09.</translation>
    </message>
    <message>
        <source>El número de documento no es válido. Revíselo y corríjalo.</source>
        <translation>El número de documento no es válido. Revíselo y corríjalo.</translation>
    </message>
    <message>
        <source>No encontramos ese número en el IESS. Revíselo o acérquese a una ventanilla.</source>
        <translation>No encontramos ese número en el IESS. Revíselo o acérquese a una ventanilla.</translation>
    </message>
    <message>
        <source>El correo o el celular no son válidos. Revíselos y corríjalos.</source>
        <translation>El correo o el celular no son válidos. Revíselos y corríjalos.</translation>
    </message>
    <message>
        <source>El código no es correcto. Revíselo y escríbalo de nuevo.</source>
        <translation>El código no es correcto. Revíselo y escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>El código ya venció. Toque «Enviar un código nuevo» y escriba el que le llegue.</source>
        <translation>El código ya venció. Toque «Enviar un código nuevo» y escriba el que le llegue.</translation>
    </message>
    <message>
        <source>Hubo demasiados intentos. Espere un momento y vuelva a probar.</source>
        <translation>Hubo demasiados intentos. Espere un momento y vuelva a probar.</translation>
    </message>
    <message>
        <source>Esa hora ya no está disponible. Elija otra hora.</source>
        <translation>Esa hora ya no está disponible. Elija otra hora.</translation>
    </message>
    <message>
        <source>El tiempo para confirmar terminó. Elija la hora otra vez.</source>
        <translation>El tiempo para confirmar terminó. Elija la hora otra vez.</translation>
    </message>
    <message>
        <source>Usted ya tiene un turno para ese trámite. Revise sus turnos o elija otro trámite.</source>
        <translation>Usted ya tiene un turno para ese trámite. Revise sus turnos o elija otro trámite.</translation>
    </message>
    <message>
        <source>Su sesión terminó. Toque «Empezar de nuevo».</source>
        <translation>Su sesión terminó. Toque «Empezar de nuevo».</translation>
    </message>
    <message>
        <source>Ya tiene el máximo de turnos que se pueden reservar por ahora. Acérquese a una ventanilla o consulte en www.iess.gob.ec.</source>
        <translation>Ya tiene el máximo de turnos que se pueden reservar por ahora. Acérquese a una ventanilla o consulte en www.iess.gob.ec.</translation>
    </message>
    <message>
        <source>Este quiosco atendió muchas solicitudes seguidas. Use otro quiosco o acérquese a una ventanilla.</source>
        <translation>Este quiosco atendió muchas solicitudes seguidas. Use otro quiosco o acérquese a una ventanilla.</translation>
    </message>
    <message>
        <source>No pudimos completar la operación. Intente de nuevo en un momento.</source>
        <translation>No pudimos completar la operación. Intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>No encontramos su registro de empleador</source>
        <translation>No encontramos su registro de empleador</translation>
    </message>
    <message>
        <source>Previo a la solicitud de la clave de empleador, deberá haber realizado el trámite de registro de empleador. Revise el número, o haga ese registro en www.iess.gob.ec o en una ventanilla.</source>
        <translation>Previo a la solicitud de la clave de empleador, deberá haber realizado el trámite de registro de empleador. Revise el número, o haga ese registro en www.iess.gob.ec o en una ventanilla.</translation>
    </message>
    <message>
        <source>Ese celular no es el registrado</source>
        <translation>Ese celular no es el registrado</translation>
    </message>
    <message>
        <source>Ese correo no es el registrado</source>
        <translation>Ese correo no es el registrado</translation>
    </message>
    <message>
        <source>El celular no es el registrado en el IESS ({masked}). Escriba ese número</source>
        <translation>El celular no es el registrado en el IESS ({masked}). Escriba ese número</translation>
    </message>
    <message>
        <source>No hay un celular registrado en el IESS. Pida el código por correo, al registrado ({masked})</source>
        <translation>No hay un celular registrado en el IESS. Pida el código por correo, al registrado ({masked})</translation>
    </message>
    <message>
        <source>El correo no es el registrado en el IESS ({masked}). Escriba ese correo</source>
        <translation>El correo no es el registrado en el IESS ({masked}). Escriba ese correo</translation>
    </message>
    <message>
        <source>No hay un correo registrado en el IESS. Pida el código por mensaje de texto, al celular registrado ({masked})</source>
        <translation>No hay un correo registrado en el IESS. Pida el código por mensaje de texto, al celular registrado ({masked})</translation>
    </message>
    <message>
        <source>Ese dato no es el registrado en el IESS. Escriba el registrado</source>
        <translation>Ese dato no es el registrado en el IESS. Escriba el registrado</translation>
    </message>
    <message>
        <source>{what}, o actualícelo en www.iess.gob.ec o en una ventanilla.</source>
        <translation>{what}, o actualícelo en www.iess.gob.ec o en una ventanilla.</translation>
    </message>
    <message>
        <source>El código se escribió mal varias veces y ya no sirve. Toque «Enviar un código nuevo» y escriba el que le llegue.</source>
        <translation>El código se escribió mal varias veces y ya no sirve. Toque «Enviar un código nuevo» y escriba el que le llegue.</translation>
    </message>
    <message>
        <source>No pudimos enviar el código</source>
        <translation>No pudimos enviar el código</translation>
    </message>
    <message>
        <source>No pudimos enviar el código a ese celular. Revise que esté bien escrito, o elija que se lo enviemos por correo.</source>
        <translation>No pudimos enviar el código a ese celular. Revise que esté bien escrito, o elija que se lo enviemos por correo.</translation>
    </message>
    <message>
        <source>No pudimos enviar el código a ese correo. Revise que esté bien escrito, o elija que se lo enviemos por mensaje de texto.</source>
        <translation>No pudimos enviar el código a ese correo. Revise que esté bien escrito, o elija que se lo enviemos por mensaje de texto.</translation>
    </message>
    <message>
        <source>No pudimos enviar un código nuevo a su celular. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por correo.</source>
        <translation>No pudimos enviar un código nuevo a su celular. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por correo.</translation>
    </message>
    <message>
        <source>No pudimos enviar un código nuevo a su correo. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por mensaje de texto.</source>
        <translation>No pudimos enviar un código nuevo a su correo. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por mensaje de texto.</translation>
    </message>
    <message>
        <source>Este quiosco está muy ocupado</source>
        <translation>Este quiosco está muy ocupado</translation>
    </message>
    <message>
        <source>Por ahora no podemos enviar otro código</source>
        <translation>Por ahora no podemos enviar otro código</translation>
    </message>
    <message>
        <source>Ya enviamos varios códigos. Podrá pedir otro a las {time}.</source>
        <translation>Ya enviamos varios códigos. Podrá pedir otro a las {time}.</translation>
    </message>
    <message>
        <source>Mientras tanto, escriba el último código que le llegó, o pida su turno en una ventanilla o al {phone}.</source>
        <translation>Mientras tanto, escriba el último código que le llegó, o pida su turno en una ventanilla o al {phone}.</translation>
    </message>
    <message>
        <source>Si aún no lo ha probado, puede pedir el código por mensaje de texto. También puede pedir su turno en una ventanilla, en www.iess.gob.ec o al {phone}.</source>
        <translation>Si aún no lo ha probado, puede pedir el código por mensaje de texto. También puede pedir su turno en una ventanilla, en www.iess.gob.ec o al {phone}.</translation>
    </message>
    <message>
        <source>Ya tiene el máximo de turnos que se pueden reservar por ahora. Podrá reservar otro a partir del {day} a las {time}.</source>
        <translation>Ya tiene el máximo de turnos que se pueden reservar por ahora. Podrá reservar otro a partir del {day} a las {time}.</translation>
    </message>
    <message>
        <source>Si lo necesita antes, acérquese a una ventanilla, o consulte en www.iess.gob.ec o al {phone}.</source>
        <translation>Si lo necesita antes, acérquese a una ventanilla, o consulte en www.iess.gob.ec o al {phone}.</translation>
    </message>
    <message>
        <source>Este quiosco atendió muchas solicitudes seguidas. Podrá continuar a las {time}; mientras tanto, use otro quiosco o acérquese a una ventanilla.</source>
        <translation>Este quiosco atendió muchas solicitudes seguidas. Podrá continuar a las {time}; mientras tanto, use otro quiosco o acérquese a una ventanilla.</translation>
    </message>
    <message numerus="yes">
        <source>Le quedan %n intentos.</source>
        <translation>
            <numerusform>Le queda %n intento.</numerusform>
            <numerusform>Le quedan %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>La impresora no funciona ahora. Podrá fotografiar el código QR en la pantalla y recibirá la confirmación por correo.</source>
        <translation>La impresora no funciona ahora. Podrá fotografiar el código QR en la pantalla y recibirá la confirmación por correo.</translation>
    </message>
    <message>
        <source>No hay agencias para ese trámite en esta provincia. Elija otra provincia.</source>
        <translation>No hay agencias para ese trámite en esta provincia. Elija otra provincia.</translation>
    </message>
    <message>
        <source>Buscando sus datos…</source>
        <translation>Buscando sus datos…</translation>
    </message>
    <message>
        <source>Enviando el código…</source>
        <translation>Enviando el código…</translation>
    </message>
    <message>
        <source>Verificando el código…</source>
        <translation>Verificando el código…</translation>
    </message>
    <message>
        <source>Buscando días disponibles…</source>
        <translation>Buscando días disponibles…</translation>
    </message>
    <message>
        <source>Buscando horarios disponibles…</source>
        <translation>Buscando horarios disponibles…</translation>
    </message>
    <message>
        <source>Reservando la hora…</source>
        <translation>Reservando la hora…</translation>
    </message>
    <message>
        <source>Confirmando su turno…</source>
        <translation>Confirmando su turno…</translation>
    </message>
    <message>
        <source>Cancelando el turno…</source>
        <translation>Cancelando el turno…</translation>
    </message>
    <message>
        <source>Cargando la información…</source>
        <translation>Cargando la información…</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <source>Lleno</source>
        <translation>Lleno</translation>
    </message>
    <message>
        <source>✓ Libre</source>
        <translation>✓ Libre</translation>
    </message>
    <message>
        <source>Cerrado</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Aún no</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>Cerrado el {days}: {reason}.</source>
        <translation>Cerrado el {days}: {reason}.</translation>
    </message>
    <message>
        <source>Se puede reservar hasta el {date}.</source>
        <translation>Se puede reservar hasta el {date}.</translation>
    </message>
    <message>
        <source>{list} y {last}</source>
        <translation>{list} y {last}</translation>
    </message>
    <message>
        <source>Mes anterior</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Mes siguiente</source>
        <translation>Mes siguiente</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <source>Entendido</source>
        <translation>Entendido</translation>
    </message>
</context>
<context>
    <name>OutOfServiceOverlay</name>
    <message>
        <source>Kiosco fuera de servicio</source>
        <translation>Kiosco fuera de servicio</translation>
    </message>
    <message>
        <source>No podemos conectarnos con el sistema de turnos. Puede pedir su turno en www.iess.gob.ec o llamar al {phone}.</source>
        <translation>No podemos conectarnos con el sistema de turnos. Puede pedir su turno en www.iess.gob.ec o llamar al {phone}.</translation>
    </message>
    <message>
        <source>El kiosco volverá a funcionar solo, en cuanto sea posible.</source>
        <translation>El kiosco volverá a funcionar solo, en cuanto sea posible.</translation>
    </message>
</context>
<context>
    <name>PrintingView</name>
    <message>
        <source>No pudimos imprimir su comprobante</source>
        <extracomment>The QR&apos;s least side: a phone camera at arm&apos;s length reads it, as measured in the tests.</extracomment>
        <translation>No pudimos imprimir su comprobante</translation>
    </message>
    <message>
        <source>Imprimiendo su comprobante</source>
        <translation>Imprimiendo su comprobante</translation>
    </message>
    <message>
        <source>Su turno está reservado. Tome una foto del código QR con su celular y muéstrela en la ventanilla.</source>
        <translation>Su turno está reservado. Tome una foto del código QR con su celular y muéstrela en la ventanilla.</translation>
    </message>
    <message>
        <source>Terminar</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Imprimiendo su comprobante… Espere un momento.</source>
        <translation>Imprimiendo su comprobante… Espere un momento.</translation>
    </message>
    <message>
        <source>También le enviamos la confirmación a su correo electrónico.</source>
        <translation>También le enviamos la confirmación a su correo electrónico.</translation>
    </message>
    <message>
        <source>Intentar imprimir de nuevo</source>
        <translation>Intentar imprimir de nuevo</translation>
    </message>
</context>
<context>
    <name>PrivacyView</name>
    <message>
        <source>Protección de sus datos personales</source>
        <translation>Protección de sus datos personales</translation>
    </message>
    <message>
        <source>Para qué: usaremos su correo electrónico y su número de celular solo para enviarle el código de verificación y la confirmación de su turno.

Base legal: la Ley Orgánica de Protección de Datos Personales y el servicio público que presta el IESS.

Cuánto tiempo: los borramos {days} días después de su cita. Este equipo no guarda nada cuando usted termina.

Preguntas o reclamos: Atención al Ciudadano, teléfono {phone}.</source>
        <translation>Para qué: usaremos su correo electrónico y su número de celular solo para enviarle el código de verificación y la confirmación de su turno.

Base legal: la Ley Orgánica de Protección de Datos Personales y el servicio público que presta el IESS.

Cuánto tiempo: los borramos {days} días después de su cita. Este equipo no guarda nada cuando usted termina.

Preguntas o reclamos: Atención al Ciudadano, teléfono {phone}.</translation>
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
        <translation>Responsable: Instituto Ecuatoriano de Seguridad Social (IESS), Atención al Ciudadano.

Datos que pedimos: el número de su documento de identidad, su correo electrónico y su número de celular. No pedimos datos sensibles.

Finalidad: verificar que el correo o el celular son suyos, reservar su turno, enviarle la confirmación y avisarle si la cita cambia. No usamos sus datos para publicidad ni los vendemos.

Base legal: el cumplimiento de la función pública del IESS y su consentimiento al continuar (Ley Orgánica de Protección de Datos Personales, artículos 7 y 12).

Conservación: el correo y el celular se borran {days} días después de su cita; el registro del turno se guarda el tiempo que exige la ley.

Destinatarios: solo el personal del IESS que lo atiende. No se transfieren a otros países.

Sus derechos: puede pedir acceso, rectificación, actualización, eliminación, oposición y portabilidad de sus datos, y reclamar ante la Autoridad de Protección de Datos Personales.

Contacto: Atención al Ciudadano, teléfono {phone}, o en cualquier Centro de Atención del IESS.</translation>
    </message>
    <message>
        <source>Leer menos</source>
        <translation>Leer menos</translation>
    </message>
    <message>
        <source>Leer todo</source>
        <translation>Leer todo</translation>
    </message>
    <message>
        <source>Entendido, continuar</source>
        <translation>Entendido, continuar</translation>
    </message>
</context>
<context>
    <name>ProcedureView</name>
    <message>
        <source>Elija el tipo de trámite</source>
        <translation>Elija el tipo de trámite</translation>
    </message>
    <message>
        <source>Solo se muestran los trámites que se atienden en su provincia.</source>
        <translation>Solo se muestran los trámites que se atienden en su provincia.</translation>
    </message>
</context>
<context>
    <name>ProvinceView</name>
    <message>
        <source>¿En qué provincia desea ser atendido?</source>
        <translation>¿En qué provincia desea ser atendido?</translation>
    </message>
    <message>
        <source>Toque una provincia, o búsquela por su nombre o el de una ciudad.</source>
        <translation>Toque una provincia, o búsquela por su nombre o el de una ciudad.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>El tiempo para confirmar terminó. Toque «Atrás» y elija otra hora.</source>
        <translation>El tiempo para confirmar terminó. Toque «Atrás» y elija otra hora.</translation>
    </message>
    <message>
        <source>Guardamos esta hora para usted durante {time}.</source>
        <translation>Guardamos esta hora para usted durante {time}.</translation>
    </message>
    <message>
        <source>Por ahora no podemos reservar este turno</source>
        <translation>Por ahora no podemos reservar este turno</translation>
    </message>
    <message>
        <source>Revise su turno</source>
        <translation>Revise su turno</translation>
    </message>
    <message>
        <source>Si todo está bien, toque «Confirmar».</source>
        <translation>Si todo está bien, toque «Confirmar».</translation>
    </message>
    <message>
        <source>Confirmar</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Documento</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Correo</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Celular</source>
        <translation>Celular</translation>
    </message>
    <message>
        <source>Trámite</source>
        <translation>Trámite</translation>
    </message>
    <message>
        <source>Agencia</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Día</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Hora</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Lleve a su cita:</source>
        <translation>Lleve a su cita:</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Elija el día y la hora</source>
        <translation>Elija el día y la hora</translation>
    </message>
    <message>
        <source>Primero toque un día con ✓; luego, la hora que prefiera.</source>
        <translation>Primero toque un día con ✓; luego, la hora que prefiera.</translation>
    </message>
    <message>
        <source>Elija un día en el calendario.</source>
        <translation>Elija un día en el calendario.</translation>
    </message>
    <message>
        <source>Horas libres el {date}:</source>
        <translation>Horas libres el {date}:</translation>
    </message>
    <message>
        <source>No hay turnos este día.</source>
        <translation>No hay turnos este día.</translation>
    </message>
    <message>
        <source>Elija otro día en el calendario.</source>
        <translation>Elija otro día en el calendario.</translation>
    </message>
    <message>
        <source>El próximo día con turnos es el {date}.</source>
        <translation>El próximo día con turnos es el {date}.</translation>
    </message>
    <message>
        <source>Ver las horas del {date}</source>
        <translation>Ver las horas del {date}</translation>
    </message>
</context>
<context>
    <name>SpeechGuide</name>
    <message>
        <source>Su número de cédula termina en {end}.</source>
        <translation>Su número de cédula termina en {end}.</translation>
    </message>
    <message>
        <source>Su número de documento termina en {end}.</source>
        <translation>Su número de documento termina en {end}.</translation>
    </message>
    <message>
        <source>terminado en {end}</source>
        <translation>terminado en {end}</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Verificado sin conexión.</source>
        <translation>Verificado sin conexión.</translation>
    </message>
    <message>
        <source>Llegada registrada</source>
        <translation>Llegada registrada</translation>
    </message>
    <message>
        <source>Verificado sin conexión: se enviará al sistema cuando vuelva.</source>
        <translation>Verificado sin conexión: se enviará al sistema cuando vuelva.</translation>
    </message>
    <message>
        <source>Puede atender a la persona. Compare el documento.</source>
        <translation>Puede atender a la persona. Compare el documento.</translation>
    </message>
    <message>
        <source>Ya registrado a las {time} (sin conexión)</source>
        <translation>Ya registrado a las {time} (sin conexión)</translation>
    </message>
    <message>
        <source>Ya registrado a las {time}</source>
        <translation>Ya registrado a las {time}</translation>
    </message>
    <message>
        <source>Este comprobante ya se usó. No lo registre otra vez.</source>
        <translation>Este comprobante ya se usó. No lo registre otra vez.</translation>
    </message>
    <message>
        <source>Turno cancelado</source>
        <translation>Turno cancelado</translation>
    </message>
    <message>
        <source>Este turno fue cancelado. La persona necesita un turno nuevo.</source>
        <translation>Este turno fue cancelado. La persona necesita un turno nuevo.</translation>
    </message>
    <message>
        <source>El turno es para {agency}. Indique a la persona que acuda allá.</source>
        <translation>El turno es para {agency}. Indique a la persona que acuda allá.</translation>
    </message>
    <message>
        <source>El turno es para otra agencia.</source>
        <translation>El turno es para otra agencia.</translation>
    </message>
    <message>
        <source>Turno de otra agencia</source>
        <translation>Turno de otra agencia</translation>
    </message>
    <message>
        <source>Turno de otro día</source>
        <translation>Turno de otro día</translation>
    </message>
    <message>
        <source>El turno es para el {date}.</source>
        <translation>El turno es para el {date}.</translation>
    </message>
    <message>
        <source>Todavía es temprano</source>
        <translation>Todavía es temprano</translation>
    </message>
    <message>
        <source>Puede registrarse desde las {time}.</source>
        <translation>Puede registrarse desde las {time}.</translation>
    </message>
    <message>
        <source>Llegó tarde</source>
        <translation>Llegó tarde</translation>
    </message>
    <message>
        <source>El turno era a las {time}; el registro cerró a las {closed}.</source>
        <translation>El turno era a las {time}; el registro cerró a las {closed}.</translation>
    </message>
    <message>
        <source>No coincide</source>
        <translation>No coincide</translation>
    </message>
    <message>
        <source>No hay un turno de hoy con ese código y ese número de documento. Revise los dos.</source>
        <translation>No hay un turno de hoy con ese código y ese número de documento. Revise los dos.</translation>
    </message>
    <message>
        <source>Falso o dañado</source>
        <translation>Falso o dañado</translation>
    </message>
    <message>
        <source>El sistema no emitió este código, o está dañado. No registre la llegada; pruebe con el código del turno.</source>
        <translation>El sistema no emitió este código, o está dañado. No registre la llegada; pruebe con el código del turno.</translation>
    </message>
    <message>
        <source>No es un comprobante de turno</source>
        <translation>No es un comprobante de turno</translation>
    </message>
    <message>
        <source>El código leído no es el QR de un turno.</source>
        <translation>El código leído no es el QR de un turno.</translation>
    </message>
    <message>
        <source>No se encontró un código QR</source>
        <translation>No se encontró un código QR</translation>
    </message>
    <message>
        <source>Abra una foto o un PDF donde se vea el QR completo.</source>
        <translation>Abra una foto o un PDF donde se vea el QR completo.</translation>
    </message>
    <message>
        <source>Archivo no admitido</source>
        <translation>Archivo no admitido</translation>
    </message>
    <message>
        <source>Abra una foto (PNG, JPG) o un PDF del comprobante.</source>
        <translation>Abra una foto (PNG, JPG) o un PDF del comprobante.</translation>
    </message>
    <message>
        <source>No se pudo leer el archivo</source>
        <translation>No se pudo leer el archivo</translation>
    </message>
    <message>
        <source>El archivo está dañado o no se puede abrir. Pruebe con otro.</source>
        <translation>El archivo está dañado o no se puede abrir. Pruebe con otro.</translation>
    </message>
    <message>
        <source>Archivo demasiado grande</source>
        <translation>Archivo demasiado grande</translation>
    </message>
    <message>
        <source>Abra una foto más pequeña, o recorte el QR.</source>
        <translation>Abra una foto más pequeña, o recorte el QR.</translation>
    </message>
    <message>
        <source>Este equipo no puede leer archivos</source>
        <translation>Este equipo no puede leer archivos</translation>
    </message>
    <message>
        <source>Falta el lector de QR en la instalación. Use el lector o el código.</source>
        <translation>Falta el lector de QR en la instalación. Use el lector o el código.</translation>
    </message>
    <message>
        <source>Se necesita conexión</source>
        <translation>Se necesita conexión</translation>
    </message>
    <message>
        <source>El registro por código necesita el sistema. Escanee el QR, o intente de nuevo en un momento.</source>
        <translation>El registro por código necesita el sistema. Escanee el QR, o intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>No se puede verificar ahora</source>
        <translation>No se puede verificar ahora</translation>
    </message>
    <message>
        <source>Este código usa una clave nueva y no hay conexión para obtenerla. Intente de nuevo cuando vuelva la conexión.</source>
        <translation>Este código usa una clave nueva y no hay conexión para obtenerla. Intente de nuevo cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>No se pudo guardar la llegada</source>
        <translation>No se pudo guardar la llegada</translation>
    </message>
    <message>
        <source>El comprobante es válido, pero sin conexión la llegada no se pudo guardar: el disco está lleno. Atienda al ciudadano y avise a soporte técnico.</source>
        <translation>El comprobante es válido, pero sin conexión la llegada no se pudo guardar: el disco está lleno. Atienda al ciudadano y avise a soporte técnico.</translation>
    </message>
    <message>
        <source>El sistema no aceptó la consulta</source>
        <translation>El sistema no aceptó la consulta</translation>
    </message>
    <message>
        <source>Intente de nuevo en un momento. Si se repite, avise al administrador.</source>
        <translation>Intente de nuevo en un momento. Si se repite, avise al administrador.</translation>
    </message>
    <message>
        <source>El sistema no acepta este puesto</source>
        <translation>El sistema no acepta este puesto</translation>
    </message>
    <message>
        <source>La credencial de este puesto no es válida. Avise al administrador.</source>
        <translation>La credencial de este puesto no es válida. Avise al administrador.</translation>
    </message>
    <message>
        <source>Escanee el QR del comprobante</source>
        <translation>Escanee el QR del comprobante</translation>
    </message>
    <message>
        <source>Use el lector, la cámara, un archivo o el código del turno.</source>
        <translation>Use el lector, la cámara, un archivo o el código del turno.</translation>
    </message>
    <message>
        <source>Verificando…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Consultando al sistema.</source>
        <translation>Consultando al sistema.</translation>
    </message>
    <message>
        <source>Turno</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Trámite</source>
        <translation>Trámite</translation>
    </message>
    <message>
        <source>Hora</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Documento</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Registrado {time}</source>
        <translation>Registrado {time}</translation>
    </message>
    <message>
        <source>Cancelado</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>No se presentó</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>Por llegar</source>
        <translation>Por llegar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Registrados</source>
        <translation>Registrados</translation>
    </message>
    <message>
        <source>No se presentaron</source>
        <translation>No se presentaron</translation>
    </message>
    <message>
        <source>Cancelados</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <source>Todos los estados</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Estado</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Lista actualizada a las {time}</source>
        <translation>Lista actualizada a las {time}</translation>
    </message>
    <message>
        <source>Sin conexión: lista de las {time}</source>
        <translation>Sin conexión: lista de las {time}</translation>
    </message>
    <message>
        <source>Sin conexión: la lista llegará con la conexión</source>
        <translation>Sin conexión: la lista llegará con la conexión</translation>
    </message>
    <message>
        <source>El sistema no acepta la credencial de este puesto</source>
        <translation>El sistema no acepta la credencial de este puesto</translation>
    </message>
    <message>
        <source>Conectando con el sistema…</source>
        <translation>Conectando con el sistema…</translation>
    </message>
    <message>
        <source>En línea</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Sin conexión desde las {time}</source>
        <translation>Sin conexión desde las {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n registro por enviar</source>
        <translation>
            <numerusform>%n registro por enviar</numerusform>
            <numerusform>%n registros por enviar</numerusform>
        </translation>
    </message>
    <message>
        <source>sin claves: no puede verificar sin conexión</source>
        <translation>sin claves: no puede verificar sin conexión</translation>
    </message>
    <message>
        <source>claves de las {time}</source>
        <translation>claves de las {time}</translation>
    </message>
    <message>
        <source>claves del {date} a las {time}</source>
        <translation>claves del {date} a las {time}</translation>
    </message>
    <message>
        <source>Abrir foto o PDF del comprobante</source>
        <translation>Abrir foto o PDF del comprobante</translation>
    </message>
    <message>
        <source>Fotos o PDF</source>
        <translation>Fotos o PDF</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>Escriba el código del turno.</source>
        <translation>Escriba el código del turno.</translation>
    </message>
    <message>
        <source>Escriba el número de documento.</source>
        <translation>Escriba el número de documento.</translation>
    </message>
    <message>
        <source>Registro de llegada</source>
        <translation>Registro de llegada</translation>
    </message>
    <message>
        <source>Detener cámara (F4)</source>
        <translation>Detener cámara (F4)</translation>
    </message>
    <message>
        <source>Cámara (F4)</source>
        <translation>Cámara (F4)</translation>
    </message>
    <message>
        <source>Abrir archivo… (F3)</source>
        <translation>Abrir archivo… (F3)</translation>
    </message>
    <message>
        <source>O arrastre aquí una foto o un PDF del comprobante.</source>
        <translation>O arrastre aquí una foto o un PDF del comprobante.</translation>
    </message>
    <message>
        <source>Sin QR: código del turno y documento (F2)</source>
        <translation>Sin QR: código del turno y documento (F2)</translation>
    </message>
    <message>
        <source>Código del turno</source>
        <translation>Código del turno</translation>
    </message>
    <message>
        <source>Número de documento</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>F5 actualizar · Ctrl+F buscar en la lista · El lector funciona siempre.</source>
        <translation>F5 actualizar · Ctrl+F buscar en la lista · El lector funciona siempre.</translation>
    </message>
    <message>
        <source>La cámara está desactivada en la configuración.</source>
        <translation>La cámara está desactivada en la configuración.</translation>
    </message>
    <message>
        <source>No se encontró una cámara. Use el lector o abra un archivo.</source>
        <translation>No se encontró una cámara. Use el lector o abra un archivo.</translation>
    </message>
    <message>
        <source>Falta el soporte de cámara en esta instalación. Use el lector o abra un archivo.</source>
        <translation>Falta el soporte de cámara en esta instalación. Use el lector o abra un archivo.</translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message>
        <source>Siguiente</source>
        <extracomment>validity, busy state or error changed: the shell re-reads is_valid()/next_label(). the citizen confirmed inside the view (e.g. the keypad&apos;s OK key): same as Siguiente.</extracomment>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>TechnicianOverlay</name>
    <message>
        <source>Kiosco fuera de servicio</source>
        <translation>Kiosco fuera de servicio</translation>
    </message>
    <message>
        <source>Este kiosco necesita la visita de un técnico. Por favor, acérquese a una ventanilla.</source>
        <translation>Este kiosco necesita la visita de un técnico. Por favor, acérquese a una ventanilla.</translation>
    </message>
</context>
<context>
    <name>TurnBlock</name>
    <message>
        <source>Su turno</source>
        <translation>Su turno</translation>
    </message>
</context>
<context>
    <name>TurnCard</name>
    <message>
        <source>{date}, a las {time}</source>
        <translation>{date}, a las {time}</translation>
    </message>
    <message>
        <source>Imprimir de nuevo</source>
        <translation>Imprimir de nuevo</translation>
    </message>
    <message>
        <source>En otra agencia. Su comprobante se imprime allí.</source>
        <translation>En otra agencia. Su comprobante se imprime allí.</translation>
    </message>
    <message>
        <source>No, mantener</source>
        <translation>No, mantener</translation>
    </message>
    <message>
        <source>Sí, anularlo</source>
        <translation>Sí, anularlo</translation>
    </message>
    <message>
        <source>Anular turno</source>
        <translation>Anular turno</translation>
    </message>
</context>
<context>
    <name>TurnWords</name>
    <message>
        <source>Si es artesano calificado: {title}</source>
        <translation>Si es artesano calificado: {title}</translation>
    </message>
    <message>
        <source>{date}, a las {time}</source>
        <translation>{date}, a las {time}</translation>
    </message>
    <message>
        <source>También le enviamos la confirmación al correo {email}.</source>
        <translation>También le enviamos la confirmación al correo {email}.</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Bienvenido</source>
        <extracomment>the citizen touched a language button (or the screen: the default language).</extracomment>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <source>Empezar</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Reserve su turno de atención</source>
        <translation>Reserve su turno de atención</translation>
    </message>
    <message>
        <source>Toque el botón de su idioma para empezar. El trámite no tiene costo.</source>
        <translation>Toque el botón de su idioma para empezar. El trámite no tiene costo.</translation>
    </message>
    <message>
        <source>La impresora no funciona ahora. Puede reservar igual: verá su turno en la pantalla y le llegará por correo.</source>
        <translation>La impresora no funciona ahora. Puede reservar igual: verá su turno en la pantalla y le llegará por correo.</translation>
    </message>
    <message>
        <source>Tenga a mano su cédula, su correo electrónico y su número de celular.</source>
        <translation>Tenga a mano su cédula, su correo electrónico y su número de celular.</translation>
    </message>
</context>
</TS>
