<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="es">
    <context>
        <name>AgencyView</name>
        <message>
            <source>{first} a {last}</source>
            <translation>[{first} á {last} ····]</translation>
        </message>
        <message>
            <source>{days} de {opens} a {closes}</source>
            <translation>[{days} ďé {opens} á {closes} ······ ···]</translation>
        </message>
        <message>
            <source>¿En qué agencia desea ser atendido?</source>
            <translation>[¿Éñ qúé áĝéñçíá ďéšéá šéŕ áţéñďíďö? ······ ·····]</translation>
        </message>
        <message>
            <source>Solo se muestran las agencias que atienden este trámite.</source>
            <translation>[Šöĺö šé múéšţŕáñ ĺáš áĝéñçíáš qúé áţíéñďéñ éšţé ţŕámíţé. ······ ······ ······ ··]</translation>
        </message>
    </context>
    <context>
        <name>BringList</name>
        <message>
            <source>Preséntese 10 minutos antes con:</source>
            <translation>[Ƥŕéšéñţéšé 10 míñúţöš áñţéš çöñ: ······ ····]</translation>
        </message>
    </context>
    <context>
        <name>BusyOverlay</name>
        <message>
            <source>El sistema está tardando en responder.</source>
            <extracomment>alpha of the layer's background: opaque hides the screen, lower dims it.</extracomment>
            <translation>[Éĺ šíšţémá éšţá ţáŕďáñďö éñ ŕéšƥöñďéŕ. ······ ······ ·]</translation>
        </message>
        <message>
            <source>Toque «Intentar de nuevo» o cancele para volver.</source>
            <translation>[Ţöqúé «Íñţéñţáŕ ďé ñúévö» ö çáñçéĺé ƥáŕá vöĺvéŕ. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Un momento, por favor…</source>
            <translation>[Úñ möméñţö, ƥöŕ fávöŕ… ······]</translation>
        </message>
        <message>
            <source>Estamos consultando el sistema de turnos.</source>
            <translation>[Éšţámöš çöñšúĺţáñďö éĺ šíšţémá ďé ţúŕñöš. ······ ······ ··]</translation>
        </message>
        <message>
            <source>Intentar de nuevo</source>
            <translation>[Íñţéñţáŕ ďé ñúévö ····]</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>[Çáñçéĺáŕ ·]</translation>
        </message>
    </context>
    <context>
        <name>ChoiceList</name>
        <message>
            <source>No encontramos «{text}». Borre unas letras o revise lo escrito.</source>
            <extracomment>other names the search finds the item by (a province's cities); the one found is shown under the title, so that "quito" shows "Pichincha" with "Quito" beneath. the search hid the chosen item, so it is no longer chosen (Siguiente must not stay on) letters typed before other names (a province's cities) are searched too, and then only from the start of their words: "sa" would otherwise list half the country's towns.</extracomment>
            <translation>[Ñö éñçöñţŕámöš «{text}». Ɓöŕŕé úñáš ĺéţŕáš ö ŕévíšé ĺö éšçŕíţö. ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Buscar por nombre</source>
            <translation>[Ɓúšçáŕ ƥöŕ ñömƀŕé ····]</translation>
        </message>
        <message>
            <source>Ocultar teclado</source>
            <translation>[Öçúĺţáŕ ţéçĺáďö ···]</translation>
        </message>
    </context>
    <context>
        <name>CodeView</name>
        <message>
            <source>Escriba el código que le enviamos</source>
            <extracomment>room for the longest message of this screen (a send limit, with what to do meanwhile)</extracomment>
            <translation>[Éšçŕíƀá éĺ çóďíĝö qúé ĺé éñvíámöš ······ ·····]</translation>
        </message>
        <message>
            <source>Tiene 6 dígitos.</source>
            <translation>[Ţíéñé 6 ďíĝíţöš. ····]</translation>
        </message>
        <message>
            <source>Tiene 6 dígitos. Lo enviamos por mensaje de texto al {target}.</source>
            <translation>[Ţíéñé 6 ďíĝíţöš. Ĺö éñvíámöš ƥöŕ méñšájé ďé ţéxţö áĺ {target}. ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>Tiene 6 dígitos. Lo enviamos al correo {target}.</source>
            <translation>[Ţíéñé 6 ďíĝíţöš. Ĺö éñvíámöš áĺ çöŕŕéö {target}. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Verificar</source>
            <translation>[Véŕífíçáŕ ·]</translation>
        </message>
        <message numerus="yes">
            <source>Le queda %n intento.</source>
            <translation>
                <numerusform>[Ĺé qúéďá %n íñţéñţö. ·····]</numerusform>
                <numerusform>[Ĺé qúéďáñ %n íñţéñţöš. ······]</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Le quedan %n intentos.</source>
            <translation>
                <numerusform>[Ĺé qúéďá %n íñţéñţö. ·····]</numerusform>
                <numerusform>[Ĺé qúéďáñ %n íñţéñţöš. ······]</numerusform>
            </translation>
        </message>
        <message>
            <source>El código vale hasta las {time}.</source>
            <translation>[Éĺ çóďíĝö váĺé ĥášţá ĺáš {time}. ······ ····]</translation>
        </message>
        <message>
            <source>Pedir otro código en {time}</source>
            <translation>[Ƥéďíŕ öţŕö çóďíĝö éñ {time} ······ ··]</translation>
        </message>
        <message>
            <source>Enviar un código nuevo</source>
            <translation>[Éñvíáŕ úñ çóďíĝö ñúévö ······]</translation>
        </message>
        <message>
            <source>¿No le llegó el código?</source>
            <translation>[¿Ñö ĺé ĺĺéĝó éĺ çóďíĝö? ······ ·]</translation>
        </message>
        <message>
            <source>Revise los mensajes de texto de su celular.</source>
            <translation>[Ŕévíšé ĺöš méñšájéš ďé ţéxţö ďé šú çéĺúĺáŕ. ······ ······ ···]</translation>
        </message>
        <message>
            <source>Revise también la carpeta de correo no deseado: el asunto es «Verificar IESS turno online».</source>
            <translation>[Ŕévíšé ţámƀíéñ ĺá çáŕƥéţá ďé çöŕŕéö ñö ďéšéáďö: éĺ ášúñţö éš «Véŕífíçáŕ ÍÉŠŠ ţúŕñö öñĺíñé». ······ ······ ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>El código puede tardar unos minutos en llegar.</source>
            <translation>[Éĺ çóďíĝö ƥúéďé ţáŕďáŕ úñöš míñúţöš éñ ĺĺéĝáŕ. ······ ······ ····]</translation>
        </message>
        <message>
            <source>Si no llega, toque «Enviar un código nuevo» cuando el botón se active, o toque «Atrás» para corregir su correo o su celular.</source>
            <translation>[Ší ñö ĺĺéĝá, ţöqúé «Éñvíáŕ úñ çóďíĝö ñúévö» çúáñďö éĺ ƀöţóñ šé áçţívé, ö ţöqúé «Áţŕáš» ƥáŕá çöŕŕéĝíŕ šú çöŕŕéö ö šú çéĺúĺáŕ. ······ ······ ······ ······ ······ ······ ······ ·····]</translation>
        </message>
    </context>
    <context>
        <name>ContactView</name>
        <message>
            <source>Revise lo que va después de la @.</source>
            <extracomment>room kept under each field for its error: the errors are short, so that the screen fits with large text and the keys never move when one shows</extracomment>
            <translation>[Ŕévíšé ĺö qúé vá ďéšƥúéš ďé ĺá @. ······ ·····]</translation>
        </message>
        <message>
            <source>Falta la @ o el dominio (gmail.com).</source>
            <translation>[Fáĺţá ĺá @ ö éĺ ďömíñíö (ĝmáíĺ.çöm). ······ ······]</translation>
        </message>
        <message>
            <source>El celular empieza con 09. Revíselo.</source>
            <translation>[Éĺ çéĺúĺáŕ émƥíéžá çöñ 09. Ŕévíšéĺö. ······ ······]</translation>
        </message>
        <message>
            <source>Escriba los 10 dígitos, desde el 09.</source>
            <translation>[Éšçŕíƀá ĺöš 10 ďíĝíţöš, ďéšďé éĺ 09. ······ ······]</translation>
        </message>
        <message>
            <source>Antes de pedir sus datos de contacto</source>
            <translation>[Áñţéš ďé ƥéďíŕ šúš ďáţöš ďé çöñţáçţö ······ ······]</translation>
        </message>
        <message>
            <source>Escriba su correo y su celular</source>
            <translation>[Éšçŕíƀá šú çöŕŕéö ý šú çéĺúĺáŕ ······ ···]</translation>
        </message>
        <message>
            <source>Lea cómo cuidamos sus datos y toque «Entendido, continuar».</source>
            <translation>[Ĺéá çómö çúíďámöš šúš ďáţöš ý ţöqúé «Éñţéñďíďö, çöñţíñúáŕ». ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Le enviaremos un código para comprobar que son suyos.</source>
            <translation>[Ĺé éñvíáŕémöš úñ çóďíĝö ƥáŕá çömƥŕöƀáŕ qúé šöñ šúýöš. ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>Siguiente</source>
            <translation>[Šíĝúíéñţé ·]</translation>
        </message>
        <message>
            <source>Correo electrónico</source>
            <translation>[Çöŕŕéö éĺéçţŕóñíçö ·····]</translation>
        </message>
        <message>
            <source>nombre@gmail.com</source>
            <translation>[ñömƀŕé@ĝmáíĺ.çöm ····]</translation>
        </message>
        <message>
            <source>Número de celular</source>
            <translation>[Ñúméŕö ďé çéĺúĺáŕ ····]</translation>
        </message>
        <message>
            <source>Enviar el código por mensaje de texto</source>
            <translation>[Éñvíáŕ éĺ çóďíĝö ƥöŕ méñšájé ďé ţéxţö ······ ······]</translation>
        </message>
    </context>
    <context>
        <name>CuedScroll</name>
        <message>
            <source>▼ Deslice para ver más</source>
            <translation>[▼ Ďéšĺíçé ƥáŕá véŕ máš ······]</translation>
        </message>
    </context>
    <context>
        <name>DateWords</name>
        <message>
            <source>lunes</source>
            <translation>[ĺúñéš ·]</translation>
        </message>
        <message>
            <source>martes</source>
            <translation>[máŕţéš ·]</translation>
        </message>
        <message>
            <source>miércoles</source>
            <translation>[míéŕçöĺéš ·]</translation>
        </message>
        <message>
            <source>jueves</source>
            <translation>[júévéš ·]</translation>
        </message>
        <message>
            <source>viernes</source>
            <translation>[víéŕñéš ·]</translation>
        </message>
        <message>
            <source>sábado</source>
            <translation>[šáƀáďö ·]</translation>
        </message>
        <message>
            <source>domingo</source>
            <translation>[ďömíñĝö ·]</translation>
        </message>
        <message>
            <source>enero</source>
            <translation>[éñéŕö ·]</translation>
        </message>
        <message>
            <source>febrero</source>
            <translation>[féƀŕéŕö ·]</translation>
        </message>
        <message>
            <source>marzo</source>
            <translation>[máŕžö ·]</translation>
        </message>
        <message>
            <source>abril</source>
            <translation>[áƀŕíĺ ·]</translation>
        </message>
        <message>
            <source>mayo</source>
            <translation>[máýö ·]</translation>
        </message>
        <message>
            <source>junio</source>
            <translation>[júñíö ·]</translation>
        </message>
        <message>
            <source>julio</source>
            <translation>[júĺíö ·]</translation>
        </message>
        <message>
            <source>agosto</source>
            <translation>[áĝöšţö ·]</translation>
        </message>
        <message>
            <source>septiembre</source>
            <translation>[šéƥţíémƀŕé ·]</translation>
        </message>
        <message>
            <source>octubre</source>
            <translation>[öçţúƀŕé ·]</translation>
        </message>
        <message>
            <source>noviembre</source>
            <translation>[ñövíémƀŕé ·]</translation>
        </message>
        <message>
            <source>diciembre</source>
            <translation>[ďíçíémƀŕé ·]</translation>
        </message>
        <message>
            <source>{weekday} {day} de {month} de {year}</source>
            <extracomment>a date in words; {weekday} and {month} are the names above, {day} and {year} numbers</extracomment>
            <translation>[{weekday} {day} ďé {month} ďé {year} ······ ······]</translation>
        </message>
        <message>
            <source>Lu Ma Mi Ju Vi Sá Do</source>
            <translation>Ĺú·· Má· Mí· Jú· Ví· Šá· Ďö·</translation>
        </message>
        <message>
            <source>{month} de {year}</source>
            <translation>[{month} ďé {year} ····]</translation>
        </message>
    </context>
    <context>
        <name>DayList</name>
        <message>
            <source>Turnos de hoy</source>
            <translation>[Ţúŕñöš ďé ĥöý ···]</translation>
        </message>
        <message>
            <source>Buscar por código o nombre</source>
            <translation>[Ɓúšçáŕ ƥöŕ çóďíĝö ö ñömƀŕé ······ ··]</translation>
        </message>
    </context>
    <context>
        <name>DemoPanel</name>
        <message>
            <source>SMS a {to}</source>
            <translation>[ŠMŠ á {to} ·]</translation>
        </message>
        <message>
            <source>Correo a {to}</source>
            <translation>[Çöŕŕéö á {to} ···]</translation>
        </message>
        <message>
            <source>Aquí aparecerá el código&lt;br&gt;enviado por correo o SMS</source>
            <translation>[Áqúí áƥáŕéçéŕá éĺ çóďíĝö&lt;br&gt;éñvíáďö ƥöŕ çöŕŕéö ö ŠMŠ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>por SMS a {to}</source>
            <translation>[ƥöŕ ŠMŠ á {to} ···]</translation>
        </message>
        <message>
            <source>por correo a {to}</source>
            <translation>[ƥöŕ çöŕŕéö á {to} ····]</translation>
        </message>
        <message>
            <source>código enviado hace {n} s</source>
            <translation>[çóďíĝö éñvíáďö ĥáçé {n} š ······ ·]</translation>
        </message>
        <message>
            <source>código enviado hace {n} min</source>
            <translation>[çóďíĝö éñvíáďö ĥáçé {n} míñ ······ ··]</translation>
        </message>
        <message>
            <source>código enviado hace {n} h</source>
            <translation>[çóďíĝö éñvíáďö ĥáçé {n} ĥ ······ ·]</translation>
        </message>
        <message>
            <source>Ocultar</source>
            <translation>[Öçúĺţáŕ ·]</translation>
        </message>
        <message>
            <source>Ver mensajes</source>
            <translation>[Véŕ méñšájéš ··]</translation>
        </message>
        <message>
            <source>Para salir: Ctrl+Q, o cinco toques seguidos en la esquina superior izquierda, el PIN 2468 y «Salir».</source>
            <translation>[Ƥáŕá šáĺíŕ: Çţŕĺ+Q, ö çíñçö ţöqúéš šéĝúíďöš éñ ĺá éšqúíñá šúƥéŕíöŕ ížqúíéŕďá, éĺ ƤÍÑ 2468 ý «Šáĺíŕ». ······ ······ ······ ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>Para salir: Ctrl+Q.</source>
            <translation>[Ƥáŕá šáĺíŕ: Çţŕĺ+Q. ·····]</translation>
        </message>
        <message>
            <source>Esta franja es solo de la demostración: muestra los correos y SMS que el servicio enviaría.</source>
            <translation>[Éšţá fŕáñjá éš šöĺö ďé ĺá ďémöšţŕáçíóñ: múéšţŕá ĺöš çöŕŕéöš ý ŠMŠ qúé éĺ šéŕvíçíö éñvíáŕíá. ······ ······ ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>Todavía no se ha enviado nada.</source>
            <translation>[Ţöďávíá ñö šé ĥá éñvíáďö ñáďá. ······ ···]</translation>
        </message>
    </context>
    <context>
        <name>DoneView</name>
        <message>
            <source>Su turno está reservado</source>
            <translation>[Šú ţúŕñö éšţá ŕéšéŕváďö ······ ·]</translation>
        </message>
        <message>
            <source>Terminar</source>
            <translation>[Ţéŕmíñáŕ ·]</translation>
        </message>
        <message>
            <source>↓ Retire su comprobante en la ranura de abajo.</source>
            <translation>[↓ Ŕéţíŕé šú çömƥŕöƀáñţé éñ ĺá ŕáñúŕá ďé áƀájö. ······ ······ ····]</translation>
        </message>
    </context>
    <context>
        <name>ErrorOverlay</name>
        <message>
            <source>Algo salió mal</source>
            <translation>[Áĺĝö šáĺíó máĺ ···]</translation>
        </message>
        <message>
            <source>No pudimos completar la operación. Sus datos fueron borrados. Empiece de nuevo.</source>
            <translation>[Ñö ƥúďímöš çömƥĺéţáŕ ĺá öƥéŕáçíóñ. Šúš ďáţöš fúéŕöñ ƀöŕŕáďöš. Émƥíéçé ďé ñúévö. ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Empezar de nuevo</source>
            <translation>[Émƥéžáŕ ďé ñúévö ····]</translation>
        </message>
    </context>
    <context>
        <name>ExistingView</name>
        <message>
            <source>Usted ya tiene un turno reservado</source>
            <translation>[Úšţéď ýá ţíéñé úñ ţúŕñö ŕéšéŕváďö ······ ·····]</translation>
        </message>
        <message>
            <source>Puede imprimirlo de nuevo, anularlo o reservar otro turno.</source>
            <translation>[Ƥúéďé ímƥŕímíŕĺö ďé ñúévö, áñúĺáŕĺö ö ŕéšéŕváŕ öţŕö ţúŕñö. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Reservar otro turno</source>
            <translation>[Ŕéšéŕváŕ öţŕö ţúŕñö ·····]</translation>
        </message>
        <message>
            <source>Ya no tiene turnos reservados. Puede reservar uno nuevo.</source>
            <translation>[Ýá ñö ţíéñé ţúŕñöš ŕéšéŕváďöš. Ƥúéďé ŕéšéŕváŕ úñö ñúévö. ······ ······ ······ ··]</translation>
        </message>
    </context>
    <context>
        <name>IdentifyView</name>
        <message>
            <source>Escriba el número de su documento.</source>
            <translation>[Éšçŕíƀá éĺ ñúméŕö ďé šú ďöçúméñţö. ······ ·····]</translation>
        </message>
        <message>
            <source>Faltan dígitos: la cédula tiene 10. Revise el número.</source>
            <translation>[Fáĺţáñ ďíĝíţöš: ĺá çéďúĺá ţíéñé 10. Ŕévíšé éĺ ñúméŕö. ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>El número parece incompleto. Revise su documento.</source>
            <translation>[Éĺ ñúméŕö ƥáŕéçé íñçömƥĺéţö. Ŕévíšé šú ďöçúméñţö. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>La cédula tiene 10 dígitos. Borre los que sobran.</source>
            <translation>[Ĺá çéďúĺá ţíéñé 10 ďíĝíţöš. Ɓöŕŕé ĺöš qúé šöƀŕáñ. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>El número es muy largo. Revise su documento.</source>
            <translation>[Éĺ ñúméŕö éš múý ĺáŕĝö. Ŕévíšé šú ďöçúméñţö. ······ ······ ···]</translation>
        </message>
        <message>
            <source>Use solo números.</source>
            <translation>[Úšé šöĺö ñúméŕöš. ····]</translation>
        </message>
        <message>
            <source>Use solo letras y números.</source>
            <translation>[Úšé šöĺö ĺéţŕáš ý ñúméŕöš. ······ ··]</translation>
        </message>
        <message>
            <source>Los dos primeros dígitos no corresponden a una provincia. Revise el número.</source>
            <translation>[Ĺöš ďöš ƥŕíméŕöš ďíĝíţöš ñö çöŕŕéšƥöñďéñ á úñá ƥŕövíñçíá. Ŕévíšé éĺ ñúméŕö. ······ ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>El tercer dígito no es válido para una cédula. Revise el número.</source>
            <translation>[Éĺ ţéŕçéŕ ďíĝíţö ñö éš váĺíďö ƥáŕá úñá çéďúĺá. Ŕévíšé éĺ ñúméŕö. ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>El número de cédula no es válido. Revise los 10 dígitos.</source>
            <translation>[Éĺ ñúméŕö ďé çéďúĺá ñö éš váĺíďö. Ŕévíšé ĺöš 10 ďíĝíţöš. ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>Número completo. Toque «Consultar».</source>
            <translation>[Ñúméŕö çömƥĺéţö. Ţöqúé «Çöñšúĺţáŕ». ······ ·····]</translation>
        </message>
        <message>
            <source>{n} de 10</source>
            <translation>[{n} ďé 10 ·]</translation>
        </message>
        <message>
            <source>{n} caracteres (de {low} a {high})</source>
            <translation>[{n} çáŕáçţéŕéš (ďé {low} á {high}) ······ ·····]</translation>
        </message>
        <message>
            <source>Escriba su número de cédula</source>
            <translation>[Éšçŕíƀá šú ñúméŕö ďé çéďúĺá ······ ··]</translation>
        </message>
        <message>
            <source>Escriba su número de pasaporte</source>
            <translation>[Éšçŕíƀá šú ñúméŕö ďé ƥášáƥöŕţé ······ ···]</translation>
        </message>
        <message>
            <source>Escriba su código de extranjero</source>
            <translation>[Éšçŕíƀá šú çóďíĝö ďé éxţŕáñjéŕö ······ ····]</translation>
        </message>
        <message>
            <source>Escriba las letras y números tal como están en su pasaporte.</source>
            <translation>[Éšçŕíƀá ĺáš ĺéţŕáš ý ñúméŕöš ţáĺ çömö éšţáñ éñ šú ƥášáƥöŕţé. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Escriba el código de identificación que le dio el IESS.</source>
            <translation>[Éšçŕíƀá éĺ çóďíĝö ďé íďéñţífíçáçíóñ qúé ĺé ďíö éĺ ÍÉŠŠ. ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>Si no tiene cédula, elija «Pasaporte» o «Código de extranjero».</source>
            <translation>[Ší ñö ţíéñé çéďúĺá, éĺíjá «Ƥášáƥöŕţé» ö «Çóďíĝö ďé éxţŕáñjéŕö». ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Consultar</source>
            <translation>[Çöñšúĺţáŕ ·]</translation>
        </message>
        <message>
            <source>Cédula</source>
            <translation>[Çéďúĺá ·]</translation>
        </message>
        <message>
            <source>Pasaporte</source>
            <translation>[Ƥášáƥöŕţé ·]</translation>
        </message>
        <message>
            <source>Código de extranjero</source>
            <translation>[Çóďíĝö ďé éxţŕáñjéŕö ·····]</translation>
        </message>
        <message>
            <source>Número de cédula (10 dígitos)</source>
            <translation>[Ñúméŕö ďé çéďúĺá (10 ďíĝíţöš) ······ ···]</translation>
        </message>
        <message>
            <source>Número del documento (letras y números)</source>
            <translation>[Ñúméŕö ďéĺ ďöçúméñţö (ĺéţŕáš ý ñúméŕöš) ······ ······ ·]</translation>
        </message>
    </context>
    <context>
        <name>IdleWarningOverlay</name>
        <message numerus="yes">
            <source>Si no responde en %n segundos, borraremos sus datos.</source>
            <translation>
                <numerusform>[Ší ñö ŕéšƥöñďé éñ %n šéĝúñďö, ƀöŕŕáŕémöš šúš ďáţöš. ······ ······ ······]</numerusform>
                <numerusform>[Ší ñö ŕéšƥöñďé éñ %n šéĝúñďöš, ƀöŕŕáŕémöš šúš ďáţöš. ······ ······ ······]</numerusform>
            </translation>
        </message>
        <message>
            <source>¿Necesita más tiempo?</source>
            <translation>[¿Ñéçéšíţá máš ţíémƥö? ······]</translation>
        </message>
        <message>
            <source>Sí, continuar</source>
            <translation>[Ší, çöñţíñúáŕ ···]</translation>
        </message>
        <message>
            <source>No, terminar</source>
            <translation>[Ñö, ţéŕmíñáŕ ··]</translation>
        </message>
    </context>
    <context>
        <name>Keyboard</name>
        <message>
            <source>Borrar</source>
            <translation>[Ɓöŕŕáŕ ·]</translation>
        </message>
        <message>
            <source>Mayúsculas</source>
            <translation>[Máýúšçúĺáš ·]</translation>
        </message>
        <message>
            <source>espacio</source>
            <translation>[éšƥáçíö ·]</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>Borrar</source>
            <translation>[Ɓöŕŕáŕ ·]</translation>
        </message>
        <message>
            <source>Listo</source>
            <translation>[Ĺíšţö ·]</translation>
        </message>
    </context>
    <context>
        <name>KioskShell</name>
        <message>
            <source>◐ Contraste</source>
            <extracomment>the low-reach mode went on or off (by its button, `set_low_reach` or a reset). spoken guidance went on or off (by its button, `set_speech` or a reset).</extracomment>
            <translation>[◐ Çöñţŕášţé ··]</translation>
        </message>
        <message>
            <source>A+ Letra grande</source>
            <translation>[Á+ Ĺéţŕá ĝŕáñďé ···]</translation>
        </message>
        <message>
            <source>Voz</source>
            <translation>[Vöž ·]</translation>
        </message>
        <message>
            <source>♿ Bajar botones</source>
            <translation>[♿ Ɓájáŕ ƀöţöñéš ···]</translation>
        </message>
        <message>
            <source>◀ Atrás</source>
            <translation>[◀ Áţŕáš ·]</translation>
        </message>
        <message>
            <source>Empezar de nuevo</source>
            <translation>[Émƥéžáŕ ďé ñúévö ····]</translation>
        </message>
        <message>
            <source>Paso {n} de {m}</source>
            <translation>[Ƥášö {n} ďé {m} ···]</translation>
        </message>
    </context>
    <context>
        <name>MaintenancePanel</name>
        <message>
            <source>PIN incorrecto. Intente de nuevo.</source>
            <translation>[ƤÍÑ íñçöŕŕéçţö. Íñţéñţé ďé ñúévö. ······ ·····]</translation>
        </message>
        <message>
            <source>Mantenimiento</source>
            <translation>[Máñţéñímíéñţö ···]</translation>
        </message>
        <message>
            <source>PIN de técnico</source>
            <translation>[ƤÍÑ ďé ţéçñíçö ···]</translation>
        </message>
        <message>
            <source>Servicio</source>
            <translation>[Šéŕvíçíö ·]</translation>
        </message>
        <message>
            <source>Estado del servicio</source>
            <translation>[Éšţáďö ďéĺ šéŕvíçíö ·····]</translation>
        </message>
        <message>
            <source>Impresora</source>
            <translation>[Ímƥŕéšöŕá ·]</translation>
        </message>
        <message>
            <source>Kiosco</source>
            <translation>[Ķíöšçö ·]</translation>
        </message>
        <message>
            <source>Versión</source>
            <translation>[Véŕšíóñ ·]</translation>
        </message>
        <message>
            <source>Imprimir prueba</source>
            <translation>[Ímƥŕímíŕ ƥŕúéƀá ···]</translation>
        </message>
        <message>
            <source>Actualizar</source>
            <translation>[Áçţúáĺížáŕ ·]</translation>
        </message>
        <message>
            <source>Reiniciar</source>
            <translation>[Ŕéíñíçíáŕ ·]</translation>
        </message>
        <message>
            <source>Salir</source>
            <translation>[Šáĺíŕ ·]</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>[Çéŕŕáŕ ·]</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Escriba su correo electrónico.</source>
            <translation>[Éšçŕíƀá šú çöŕŕéö éĺéçţŕóñíçö. ······ ···]</translation>
        </message>
        <message>
            <source>El correo electrónico no es válido. Revíselo, por ejemplo: nombre@gmail.com.</source>
            <translation>[Éĺ çöŕŕéö éĺéçţŕóñíçö ñö éš váĺíďö. Ŕévíšéĺö, ƥöŕ éjémƥĺö: ñömƀŕé@ĝmáíĺ.çöm. ······ ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>Escriba su número de celular.</source>
            <translation>[Éšçŕíƀá šú ñúméŕö ďé çéĺúĺáŕ. ······ ···]</translation>
        </message>
        <message>
            <source>Escriba un número de celular de Ecuador, que empiece con 09.</source>
            <translation>[Éšçŕíƀá úñ ñúméŕö ďé çéĺúĺáŕ ďé Éçúáďöŕ, qúé émƥíéçé çöñ 09. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>El número de celular no es válido. Tiene 10 dígitos y empieza con 09.</source>
            <translation>[Éĺ ñúméŕö ďé çéĺúĺáŕ ñö éš váĺíďö. Ţíéñé 10 ďíĝíţöš ý émƥíéžá çöñ 09. ······ ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>El número de documento no es válido. Revíselo y corríjalo.</source>
            <translation>[Éĺ ñúméŕö ďé ďöçúméñţö ñö éš váĺíďö. Ŕévíšéĺö ý çöŕŕíjáĺö. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>No encontramos ese número en el IESS. Revíselo o acérquese a una ventanilla.</source>
            <translation>[Ñö éñçöñţŕámöš éšé ñúméŕö éñ éĺ ÍÉŠŠ. Ŕévíšéĺö ö áçéŕqúéšé á úñá véñţáñíĺĺá. ······ ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>El correo o el celular no son válidos. Revíselos y corríjalos.</source>
            <translation>[Éĺ çöŕŕéö ö éĺ çéĺúĺáŕ ñö šöñ váĺíďöš. Ŕévíšéĺöš ý çöŕŕíjáĺöš. ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>El código no es correcto. Revíselo y escríbalo de nuevo.</source>
            <translation>[Éĺ çóďíĝö ñö éš çöŕŕéçţö. Ŕévíšéĺö ý éšçŕíƀáĺö ďé ñúévö. ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>El código ya venció. Toque «Enviar un código nuevo» y escriba el que le llegue.</source>
            <translation>[Éĺ çóďíĝö ýá véñçíó. Ţöqúé «Éñvíáŕ úñ çóďíĝö ñúévö» ý éšçŕíƀá éĺ qúé ĺé ĺĺéĝúé. ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Hubo demasiados intentos. Espere un momento y vuelva a probar.</source>
            <translation>[Ĥúƀö ďémášíáďöš íñţéñţöš. Éšƥéŕé úñ möméñţö ý vúéĺvá á ƥŕöƀáŕ. ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>Esa hora ya no está disponible. Elija otra hora.</source>
            <translation>[Éšá ĥöŕá ýá ñö éšţá ďíšƥöñíƀĺé. Éĺíjá öţŕá ĥöŕá. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>El tiempo para confirmar terminó. Elija la hora otra vez.</source>
            <translation>[Éĺ ţíémƥö ƥáŕá çöñfíŕmáŕ ţéŕmíñó. Éĺíjá ĺá ĥöŕá öţŕá véž. ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>Usted ya tiene un turno para ese trámite. Revise sus turnos o elija otro trámite.</source>
            <translation>[Úšţéď ýá ţíéñé úñ ţúŕñö ƥáŕá éšé ţŕámíţé. Ŕévíšé šúš ţúŕñöš ö éĺíjá öţŕö ţŕámíţé. ······ ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>Su sesión terminó. Toque «Empezar de nuevo».</source>
            <translation>[Šú šéšíóñ ţéŕmíñó. Ţöqúé «Émƥéžáŕ ďé ñúévö». ······ ······ ···]</translation>
        </message>
        <message>
            <source>Ya tiene el máximo de turnos que se pueden reservar por ahora. Acérquese a una ventanilla o consulte en www.iess.gob.ec.</source>
            <translation>[Ýá ţíéñé éĺ máxímö ďé ţúŕñöš qúé šé ƥúéďéñ ŕéšéŕváŕ ƥöŕ áĥöŕá. Áçéŕqúéšé á úñá véñţáñíĺĺá ö çöñšúĺţé éñ www.íéšš.ĝöƀ.éç. ······ ······ ······ ······ ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Este quiosco atendió muchas solicitudes seguidas. Use otro quiosco o acérquese a una ventanilla.</source>
            <translation>[Éšţé qúíöšçö áţéñďíó múçĥáš šöĺíçíţúďéš šéĝúíďáš. Úšé öţŕö qúíöšçö ö áçéŕqúéšé á úñá véñţáñíĺĺá. ······ ······ ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>No pudimos completar la operación. Intente de nuevo en un momento.</source>
            <translation>[Ñö ƥúďímöš çömƥĺéţáŕ ĺá öƥéŕáçíóñ. Íñţéñţé ďé ñúévö éñ úñ möméñţö. ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>No encontramos su registro de empleador</source>
            <translation>[Ñö éñçöñţŕámöš šú ŕéĝíšţŕö ďé émƥĺéáďöŕ ······ ······ ·]</translation>
        </message>
        <message>
            <source>Previo a la solicitud de la clave de empleador, deberá haber realizado el trámite de registro de empleador. Revise el número, o haga ese registro en www.iess.gob.ec o en una ventanilla.</source>
            <translation>[Ƥŕévíö á ĺá šöĺíçíţúď ďé ĺá çĺávé ďé émƥĺéáďöŕ, ďéƀéŕá ĥáƀéŕ ŕéáĺížáďö éĺ ţŕámíţé ďé ŕéĝíšţŕö ďé émƥĺéáďöŕ. Ŕévíšé éĺ ñúméŕö, ö ĥáĝá éšé ŕéĝíšţŕö éñ www.íéšš.ĝöƀ.éç ö éñ úñá véñţáñíĺĺá. ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Ese celular no es el registrado</source>
            <translation>[Éšé çéĺúĺáŕ ñö éš éĺ ŕéĝíšţŕáďö ······ ····]</translation>
        </message>
        <message>
            <source>Ese correo no es el registrado</source>
            <translation>[Éšé çöŕŕéö ñö éš éĺ ŕéĝíšţŕáďö ······ ···]</translation>
        </message>
        <message>
            <source>El celular no es el registrado en el IESS ({masked}). Escriba ese número</source>
            <translation>[Éĺ çéĺúĺáŕ ñö éš éĺ ŕéĝíšţŕáďö éñ éĺ ÍÉŠŠ ({masked}). Éšçŕíƀá éšé ñúméŕö ······ ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>No hay un celular registrado en el IESS. Pida el código por correo, al registrado ({masked})</source>
            <translation>[Ñö ĥáý úñ çéĺúĺáŕ ŕéĝíšţŕáďö éñ éĺ ÍÉŠŠ. Ƥíďá éĺ çóďíĝö ƥöŕ çöŕŕéö, áĺ ŕéĝíšţŕáďö ({masked}) ······ ······ ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>El correo no es el registrado en el IESS ({masked}). Escriba ese correo</source>
            <translation>[Éĺ çöŕŕéö ñö éš éĺ ŕéĝíšţŕáďö éñ éĺ ÍÉŠŠ ({masked}). Éšçŕíƀá éšé çöŕŕéö ······ ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>No hay un correo registrado en el IESS. Pida el código por mensaje de texto, al celular registrado ({masked})</source>
            <translation>[Ñö ĥáý úñ çöŕŕéö ŕéĝíšţŕáďö éñ éĺ ÍÉŠŠ. Ƥíďá éĺ çóďíĝö ƥöŕ méñšájé ďé ţéxţö, áĺ çéĺúĺáŕ ŕéĝíšţŕáďö ({masked}) ······ ······ ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Ese dato no es el registrado en el IESS. Escriba el registrado</source>
            <translation>[Éšé ďáţö ñö éš éĺ ŕéĝíšţŕáďö éñ éĺ ÍÉŠŠ. Éšçŕíƀá éĺ ŕéĝíšţŕáďö ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>{what}, o actualícelo en www.iess.gob.ec o en una ventanilla.</source>
            <translation>[{what}, ö áçţúáĺíçéĺö éñ www.íéšš.ĝöƀ.éç ö éñ úñá véñţáñíĺĺá. ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>El código se escribió mal varias veces y ya no sirve. Toque «Enviar un código nuevo» y escriba el que le llegue.</source>
            <translation>[Éĺ çóďíĝö šé éšçŕíƀíó máĺ váŕíáš véçéš ý ýá ñö šíŕvé. Ţöqúé «Éñvíáŕ úñ çóďíĝö ñúévö» ý éšçŕíƀá éĺ qúé ĺé ĺĺéĝúé. ······ ······ ······ ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>No pudimos enviar el código</source>
            <translation>[Ñö ƥúďímöš éñvíáŕ éĺ çóďíĝö ······ ··]</translation>
        </message>
        <message>
            <source>No pudimos enviar el código a ese celular. Revise que esté bien escrito, o elija que se lo enviemos por correo.</source>
            <translation>[Ñö ƥúďímöš éñvíáŕ éĺ çóďíĝö á éšé çéĺúĺáŕ. Ŕévíšé qúé éšţé ƀíéñ éšçŕíţö, ö éĺíjá qúé šé ĺö éñvíémöš ƥöŕ çöŕŕéö. ······ ······ ······ ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>No pudimos enviar el código a ese correo. Revise que esté bien escrito, o elija que se lo enviemos por mensaje de texto.</source>
            <translation>[Ñö ƥúďímöš éñvíáŕ éĺ çóďíĝö á éšé çöŕŕéö. Ŕévíšé qúé éšţé ƀíéñ éšçŕíţö, ö éĺíjá qúé šé ĺö éñvíémöš ƥöŕ méñšájé ďé ţéxţö. ······ ······ ······ ······ ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>No pudimos enviar un código nuevo a su celular. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por correo.</source>
            <translation>[Ñö ƥúďímöš éñvíáŕ úñ çóďíĝö ñúévö á šú çéĺúĺáŕ. Éšçŕíƀá éĺ qúé ýá ŕéçíƀíó, ö ţöqúé «Áţŕáš» ý éĺíjá qúé šé ĺö éñvíémöš ƥöŕ çöŕŕéö. ······ ······ ······ ······ ······ ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>No pudimos enviar un código nuevo a su correo. Escriba el que ya recibió, o toque «Atrás» y elija que se lo enviemos por mensaje de texto.</source>
            <translation>[Ñö ƥúďímöš éñvíáŕ úñ çóďíĝö ñúévö á šú çöŕŕéö. Éšçŕíƀá éĺ qúé ýá ŕéçíƀíó, ö ţöqúé «Áţŕáš» ý éĺíjá qúé šé ĺö éñvíémöš ƥöŕ méñšájé ďé ţéxţö. ······ ······ ······ ······ ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Este quiosco está muy ocupado</source>
            <translation>[Éšţé qúíöšçö éšţá múý öçúƥáďö ······ ···]</translation>
        </message>
        <message>
            <source>Por ahora no podemos enviar otro código</source>
            <translation>[Ƥöŕ áĥöŕá ñö ƥöďémöš éñvíáŕ öţŕö çóďíĝö ······ ······ ·]</translation>
        </message>
        <message>
            <source>Ya enviamos varios códigos. Podrá pedir otro a las {time}.</source>
            <translation>[Ýá éñvíámöš váŕíöš çóďíĝöš. Ƥöďŕá ƥéďíŕ öţŕö á ĺáš {time}. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Mientras tanto, escriba el último código que le llegó, o pida su turno en una ventanilla o al {phone}.</source>
            <translation>[Míéñţŕáš ţáñţö, éšçŕíƀá éĺ úĺţímö çóďíĝö qúé ĺé ĺĺéĝó, ö ƥíďá šú ţúŕñö éñ úñá véñţáñíĺĺá ö áĺ {phone}. ······ ······ ······ ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>Si aún no lo ha probado, puede pedir el código por mensaje de texto. También puede pedir su turno en una ventanilla, en www.iess.gob.ec o al {phone}.</source>
            <translation>[Ší áúñ ñö ĺö ĥá ƥŕöƀáďö, ƥúéďé ƥéďíŕ éĺ çóďíĝö ƥöŕ méñšájé ďé ţéxţö. Ţámƀíéñ ƥúéďé ƥéďíŕ šú ţúŕñö éñ úñá véñţáñíĺĺá, éñ www.íéšš.ĝöƀ.éç ö áĺ {phone}. ······ ······ ······ ······ ······ ······ ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Ya tiene el máximo de turnos que se pueden reservar por ahora. Podrá reservar otro a partir del {day} a las {time}.</source>
            <translation>[Ýá ţíéñé éĺ máxímö ďé ţúŕñöš qúé šé ƥúéďéñ ŕéšéŕváŕ ƥöŕ áĥöŕá. Ƥöďŕá ŕéšéŕváŕ öţŕö á ƥáŕţíŕ ďéĺ {day} á ĺáš {time}. ······ ······ ······ ······ ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>Si lo necesita antes, acérquese a una ventanilla, o consulte en www.iess.gob.ec o al {phone}.</source>
            <translation>[Ší ĺö ñéçéšíţá áñţéš, áçéŕqúéšé á úñá véñţáñíĺĺá, ö çöñšúĺţé éñ www.íéšš.ĝöƀ.éç ö áĺ {phone}. ······ ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Este quiosco atendió muchas solicitudes seguidas. Podrá continuar a las {time}; mientras tanto, use otro quiosco o acérquese a una ventanilla.</source>
            <translation>[Éšţé qúíöšçö áţéñďíó múçĥáš šöĺíçíţúďéš šéĝúíďáš. Ƥöďŕá çöñţíñúáŕ á ĺáš {time}; míéñţŕáš ţáñţö, úšé öţŕö qúíöšçö ö áçéŕqúéšé á úñá véñţáñíĺĺá. ······ ······ ······ ······ ······ ······ ······ ······ ······]</translation>
        </message>
        <message numerus="yes">
            <source>Le quedan %n intentos.</source>
            <translation>
                <numerusform>[Ĺé qúéďá %n íñţéñţö. ·····]</numerusform>
                <numerusform>[Ĺé qúéďáñ %n íñţéñţöš. ······]</numerusform>
            </translation>
        </message>
        <message>
            <source>La impresora no funciona ahora. Podrá fotografiar el código QR en la pantalla y recibirá la confirmación por correo.</source>
            <translation>[Ĺá ímƥŕéšöŕá ñö fúñçíöñá áĥöŕá. Ƥöďŕá föţöĝŕáfíáŕ éĺ çóďíĝö QŔ éñ ĺá ƥáñţáĺĺá ý ŕéçíƀíŕá ĺá çöñfíŕmáçíóñ ƥöŕ çöŕŕéö. ······ ······ ······ ······ ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>No hay agencias para ese trámite en esta provincia. Elija otra provincia.</source>
            <translation>[Ñö ĥáý áĝéñçíáš ƥáŕá éšé ţŕámíţé éñ éšţá ƥŕövíñçíá. Éĺíjá öţŕá ƥŕövíñçíá. ······ ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Buscando sus datos…</source>
            <translation>[Ɓúšçáñďö šúš ďáţöš… ·····]</translation>
        </message>
        <message>
            <source>Enviando el código…</source>
            <translation>[Éñvíáñďö éĺ çóďíĝö… ·····]</translation>
        </message>
        <message>
            <source>Verificando el código…</source>
            <translation>[Véŕífíçáñďö éĺ çóďíĝö… ······]</translation>
        </message>
        <message>
            <source>Buscando días disponibles…</source>
            <translation>[Ɓúšçáñďö ďíáš ďíšƥöñíƀĺéš… ······ ··]</translation>
        </message>
        <message>
            <source>Buscando horarios disponibles…</source>
            <translation>[Ɓúšçáñďö ĥöŕáŕíöš ďíšƥöñíƀĺéš… ······ ···]</translation>
        </message>
        <message>
            <source>Reservando la hora…</source>
            <translation>[Ŕéšéŕváñďö ĺá ĥöŕá… ·····]</translation>
        </message>
        <message>
            <source>Confirmando su turno…</source>
            <translation>[Çöñfíŕmáñďö šú ţúŕñö… ······]</translation>
        </message>
        <message>
            <source>Cancelando el turno…</source>
            <translation>[Çáñçéĺáñďö éĺ ţúŕñö… ·····]</translation>
        </message>
        <message>
            <source>Cargando la información…</source>
            <translation>[Çáŕĝáñďö ĺá íñföŕmáçíóñ… ······ ·]</translation>
        </message>
    </context>
    <context>
        <name>MonthCalendar</name>
        <message>
            <source>✓ Libre</source>
            <translation>[✓ Ĺíƀŕé ·]</translation>
        </message>
        <message>
            <source>Lleno</source>
            <translation>[Ĺĺéñö ·]</translation>
        </message>
        <message>
            <source>Cerrado</source>
            <translation>[Çéŕŕáďö ·]</translation>
        </message>
        <message>
            <source>Aún no</source>
            <translation>[Áúñ ñö ·]</translation>
        </message>
        <message>
            <source>Cerrado el {days}: {reason}.</source>
            <translation>[Çéŕŕáďö éĺ {days}: {reason}. ······ ···]</translation>
        </message>
        <message>
            <source>Se puede reservar hasta el {date}.</source>
            <translation>[Šé ƥúéďé ŕéšéŕváŕ ĥášţá éĺ {date}. ······ ·····]</translation>
        </message>
        <message>
            <source>{list} y {last}</source>
            <translation>[{list} ý {last} ···]</translation>
        </message>
        <message>
            <source>Mes anterior</source>
            <translation>[Méš áñţéŕíöŕ ··]</translation>
        </message>
        <message>
            <source>Mes siguiente</source>
            <translation>[Méš šíĝúíéñţé ···]</translation>
        </message>
    </context>
    <context>
        <name>NoticeOverlay</name>
        <message>
            <source>Entendido</source>
            <translation>[Éñţéñďíďö ·]</translation>
        </message>
    </context>
    <context>
        <name>OutOfServiceOverlay</name>
        <message>
            <source>Kiosco fuera de servicio</source>
            <translation>[Ķíöšçö fúéŕá ďé šéŕvíçíö ······ ·]</translation>
        </message>
        <message>
            <source>No podemos conectarnos con el sistema de turnos. Puede pedir su turno en www.iess.gob.ec o llamar al {phone}.</source>
            <translation>[Ñö ƥöďémöš çöñéçţáŕñöš çöñ éĺ šíšţémá ďé ţúŕñöš. Ƥúéďé ƥéďíŕ šú ţúŕñö éñ www.íéšš.ĝöƀ.éç ö ĺĺámáŕ áĺ {phone}. ······ ······ ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>El kiosco volverá a funcionar solo, en cuanto sea posible.</source>
            <translation>[Éĺ ķíöšçö vöĺvéŕá á fúñçíöñáŕ šöĺö, éñ çúáñţö šéá ƥöšíƀĺé. ······ ······ ······ ···]</translation>
        </message>
    </context>
    <context>
        <name>PrintingView</name>
        <message>
            <source>No pudimos imprimir su comprobante</source>
            <extracomment>The QR's least side: a phone camera at arm's length reads it, as measured in the tests.</extracomment>
            <translation>[Ñö ƥúďímöš ímƥŕímíŕ šú çömƥŕöƀáñţé ······ ·····]</translation>
        </message>
        <message>
            <source>Imprimiendo su comprobante</source>
            <translation>[Ímƥŕímíéñďö šú çömƥŕöƀáñţé ······ ··]</translation>
        </message>
        <message>
            <source>Su turno está reservado. Tome una foto del código QR con su celular y muéstrela en la ventanilla.</source>
            <translation>[Šú ţúŕñö éšţá ŕéšéŕváďö. Ţömé úñá föţö ďéĺ çóďíĝö QŔ çöñ šú çéĺúĺáŕ ý múéšţŕéĺá éñ ĺá véñţáñíĺĺá. ······ ······ ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>Terminar</source>
            <translation>[Ţéŕmíñáŕ ·]</translation>
        </message>
        <message>
            <source>Imprimiendo su comprobante… Espere un momento.</source>
            <translation>[Ímƥŕímíéñďö šú çömƥŕöƀáñţé… Éšƥéŕé úñ möméñţö. ······ ······ ····]</translation>
        </message>
        <message>
            <source>También le enviamos la confirmación a su correo electrónico.</source>
            <translation>[Ţámƀíéñ ĺé éñvíámöš ĺá çöñfíŕmáçíóñ á šú çöŕŕéö éĺéçţŕóñíçö. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Intentar imprimir de nuevo</source>
            <translation>[Íñţéñţáŕ ímƥŕímíŕ ďé ñúévö ······ ··]</translation>
        </message>
    </context>
    <context>
        <name>PrivacyView</name>
        <message>
            <source>Protección de sus datos personales</source>
            <translation>[Ƥŕöţéççíóñ ďé šúš ďáţöš ƥéŕšöñáĺéš ······ ·····]</translation>
        </message>
        <message>
            <source>Para qué: usaremos su correo electrónico y su número de celular solo para enviarle el código de verificación y la confirmación de su turno.

Base legal: la Ley Orgánica de Protección de Datos Personales y el servicio público que presta el IESS.

Cuánto tiempo: los borramos {days} días después de su cita. Este equipo no guarda nada cuando usted termina.

Preguntas o reclamos: Atención al Ciudadano, teléfono {phone}.</source>
            <translation>[Ƥáŕá qúé: úšáŕémöš šú çöŕŕéö éĺéçţŕóñíçö ý šú ñúméŕö ďé çéĺúĺáŕ šöĺö ƥáŕá éñvíáŕĺé éĺ çóďíĝö ďé véŕífíçáçíóñ ý ĺá çöñfíŕmáçíóñ ďé šú ţúŕñö.

Ɓášé ĺéĝáĺ: ĺá Ĺéý Öŕĝáñíçá ďé Ƥŕöţéççíóñ ďé Ďáţöš Ƥéŕšöñáĺéš ý éĺ šéŕvíçíö ƥúƀĺíçö qúé ƥŕéšţá éĺ ÍÉŠŠ.

Çúáñţö ţíémƥö: ĺöš ƀöŕŕámöš {days} ďíáš ďéšƥúéš ďé šú çíţá. Éšţé éqúíƥö ñö ĝúáŕďá ñáďá çúáñďö úšţéď ţéŕmíñá.

Ƥŕéĝúñţáš ö ŕéçĺámöš: Áţéñçíóñ áĺ Çíúďáďáñö, ţéĺéföñö {phone}. ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ···]</translation>
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
            <translation>[Ŕéšƥöñšáƀĺé: Íñšţíţúţö Éçúáţöŕíáñö ďé Šéĝúŕíďáď Šöçíáĺ (ÍÉŠŠ), Áţéñçíóñ áĺ Çíúďáďáñö.

Ďáţöš qúé ƥéďímöš: éĺ ñúméŕö ďé šú ďöçúméñţö ďé íďéñţíďáď, šú çöŕŕéö éĺéçţŕóñíçö ý šú ñúméŕö ďé çéĺúĺáŕ. Ñö ƥéďímöš ďáţöš šéñšíƀĺéš.

Fíñáĺíďáď: véŕífíçáŕ qúé éĺ çöŕŕéö ö éĺ çéĺúĺáŕ šöñ šúýöš, ŕéšéŕváŕ šú ţúŕñö, éñvíáŕĺé ĺá çöñfíŕmáçíóñ ý ávíšáŕĺé ší ĺá çíţá çámƀíá. Ñö úšámöš šúš ďáţöš ƥáŕá ƥúƀĺíçíďáď ñí ĺöš véñďémöš.

Ɓášé ĺéĝáĺ: éĺ çúmƥĺímíéñţö ďé ĺá fúñçíóñ ƥúƀĺíçá ďéĺ ÍÉŠŠ ý šú çöñšéñţímíéñţö áĺ çöñţíñúáŕ (Ĺéý Öŕĝáñíçá ďé Ƥŕöţéççíóñ ďé Ďáţöš Ƥéŕšöñáĺéš, áŕţíçúĺöš 7 ý 12).

Çöñšéŕváçíóñ: éĺ çöŕŕéö ý éĺ çéĺúĺáŕ šé ƀöŕŕáñ {days} ďíáš ďéšƥúéš ďé šú çíţá; éĺ ŕéĝíšţŕö ďéĺ ţúŕñö šé ĝúáŕďá éĺ ţíémƥö qúé éxíĝé ĺá ĺéý.

Ďéšţíñáţáŕíöš: šöĺö éĺ ƥéŕšöñáĺ ďéĺ ÍÉŠŠ qúé ĺö áţíéñďé. Ñö šé ţŕáñšfíéŕéñ á öţŕöš ƥáíšéš.

Šúš ďéŕéçĥöš: ƥúéďé ƥéďíŕ áççéšö, ŕéçţífíçáçíóñ, áçţúáĺížáçíóñ, éĺímíñáçíóñ, öƥöšíçíóñ ý ƥöŕţáƀíĺíďáď ďé šúš ďáţöš, ý ŕéçĺámáŕ áñţé ĺá Áúţöŕíďáď ďé Ƥŕöţéççíóñ ďé Ďáţöš Ƥéŕšöñáĺéš.

Çöñţáçţö: Áţéñçíóñ áĺ Çíúďáďáñö, ţéĺéföñö {phone}, ö éñ çúáĺqúíéŕ Çéñţŕö ďé Áţéñçíóñ ďéĺ ÍÉŠŠ. ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>Leer menos</source>
            <translation>[Ĺééŕ méñöš ·]</translation>
        </message>
        <message>
            <source>Leer todo</source>
            <translation>[Ĺééŕ ţöďö ·]</translation>
        </message>
        <message>
            <source>Entendido, continuar</source>
            <translation>[Éñţéñďíďö, çöñţíñúáŕ ·····]</translation>
        </message>
    </context>
    <context>
        <name>ProcedureView</name>
        <message>
            <source>Elija el tipo de trámite</source>
            <translation>[Éĺíjá éĺ ţíƥö ďé ţŕámíţé ······ ·]</translation>
        </message>
        <message>
            <source>Solo se muestran los trámites que se atienden en su provincia.</source>
            <translation>[Šöĺö šé múéšţŕáñ ĺöš ţŕámíţéš qúé šé áţíéñďéñ éñ šú ƥŕövíñçíá. ······ ······ ······ ····]</translation>
        </message>
    </context>
    <context>
        <name>ProvinceView</name>
        <message>
            <source>¿En qué provincia desea ser atendido?</source>
            <translation>[¿Éñ qúé ƥŕövíñçíá ďéšéá šéŕ áţéñďíďö? ······ ······]</translation>
        </message>
        <message>
            <source>Toque una provincia, o búsquela por su nombre o el de una ciudad.</source>
            <translation>[Ţöqúé úñá ƥŕövíñçíá, ö ƀúšqúéĺá ƥöŕ šú ñömƀŕé ö éĺ ďé úñá çíúďáď. ······ ······ ······ ·····]</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <source>El tiempo para confirmar terminó. Toque «Atrás» y elija otra hora.</source>
            <translation>[Éĺ ţíémƥö ƥáŕá çöñfíŕmáŕ ţéŕmíñó. Ţöqúé «Áţŕáš» ý éĺíjá öţŕá ĥöŕá. ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>Guardamos esta hora para usted durante {time}.</source>
            <translation>[Ĝúáŕďámöš éšţá ĥöŕá ƥáŕá úšţéď ďúŕáñţé {time}. ······ ······ ····]</translation>
        </message>
        <message>
            <source>Por ahora no podemos reservar este turno</source>
            <translation>[Ƥöŕ áĥöŕá ñö ƥöďémöš ŕéšéŕváŕ éšţé ţúŕñö ······ ······ ·]</translation>
        </message>
        <message>
            <source>Revise su turno</source>
            <translation>[Ŕévíšé šú ţúŕñö ···]</translation>
        </message>
        <message>
            <source>Si todo está bien, toque «Confirmar».</source>
            <translation>[Ší ţöďö éšţá ƀíéñ, ţöqúé «Çöñfíŕmáŕ». ······ ······]</translation>
        </message>
        <message>
            <source>Confirmar</source>
            <translation>[Çöñfíŕmáŕ ·]</translation>
        </message>
        <message>
            <source>Documento</source>
            <translation>[Ďöçúméñţö ·]</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>[Ñömƀŕé ·]</translation>
        </message>
        <message>
            <source>Correo</source>
            <translation>[Çöŕŕéö ·]</translation>
        </message>
        <message>
            <source>Celular</source>
            <translation>[Çéĺúĺáŕ ·]</translation>
        </message>
        <message>
            <source>Trámite</source>
            <translation>[Ţŕámíţé ·]</translation>
        </message>
        <message>
            <source>Agencia</source>
            <translation>[Áĝéñçíá ·]</translation>
        </message>
        <message>
            <source>Día</source>
            <translation>[Ďíá ·]</translation>
        </message>
        <message>
            <source>Hora</source>
            <translation>[Ĥöŕá ·]</translation>
        </message>
        <message>
            <source>Lleve a su cita:</source>
            <translation>[Ĺĺévé á šú çíţá: ····]</translation>
        </message>
    </context>
    <context>
        <name>ScheduleView</name>
        <message>
            <source>Elija el día y la hora</source>
            <translation>[Éĺíjá éĺ ďíá ý ĺá ĥöŕá ······]</translation>
        </message>
        <message>
            <source>Primero toque un día con ✓; luego, la hora que prefiera.</source>
            <translation>[Ƥŕíméŕö ţöqúé úñ ďíá çöñ ✓; ĺúéĝö, ĺá ĥöŕá qúé ƥŕéfíéŕá. ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>Elija un día en el calendario.</source>
            <translation>[Éĺíjá úñ ďíá éñ éĺ çáĺéñďáŕíö. ······ ···]</translation>
        </message>
        <message>
            <source>Horas libres el {date}:</source>
            <translation>[Ĥöŕáš ĺíƀŕéš éĺ {date}: ······ ·]</translation>
        </message>
        <message>
            <source>No hay turnos este día.</source>
            <translation>[Ñö ĥáý ţúŕñöš éšţé ďíá. ······ ·]</translation>
        </message>
        <message>
            <source>Elija otro día en el calendario.</source>
            <translation>[Éĺíjá öţŕö ďíá éñ éĺ çáĺéñďáŕíö. ······ ····]</translation>
        </message>
        <message>
            <source>El próximo día con turnos es el {date}.</source>
            <translation>[Éĺ ƥŕóxímö ďíá çöñ ţúŕñöš éš éĺ {date}. ······ ······ ·]</translation>
        </message>
        <message>
            <source>Ver las horas del {date}</source>
            <translation>[Véŕ ĺáš ĥöŕáš ďéĺ {date} ······ ·]</translation>
        </message>
    </context>
    <context>
        <name>SpeechGuide</name>
        <message>
            <source>Su número de cédula termina en {end}.</source>
            <translation>[Šú ñúméŕö ďé çéďúĺá ţéŕmíñá éñ {end}. ······ ······]</translation>
        </message>
        <message>
            <source>Su número de documento termina en {end}.</source>
            <translation>[Šú ñúméŕö ďé ďöçúméñţö ţéŕmíñá éñ {end}. ······ ······ ·]</translation>
        </message>
        <message>
            <source>terminado en {end}</source>
            <translation>[ţéŕmíñáďö éñ {end} ·····]</translation>
        </message>
    </context>
    <context>
        <name>Staff</name>
        <message>
            <source>Verificado sin conexión.</source>
            <translation>[Véŕífíçáďö šíñ çöñéxíóñ. ······ ·]</translation>
        </message>
        <message>
            <source>Llegada registrada</source>
            <translation>[Ĺĺéĝáďá ŕéĝíšţŕáďá ·····]</translation>
        </message>
        <message>
            <source>Verificado sin conexión: se enviará al sistema cuando vuelva.</source>
            <translation>[Véŕífíçáďö šíñ çöñéxíóñ: šé éñvíáŕá áĺ šíšţémá çúáñďö vúéĺvá. ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>Puede atender a la persona. Compare el documento.</source>
            <translation>[Ƥúéďé áţéñďéŕ á ĺá ƥéŕšöñá. Çömƥáŕé éĺ ďöçúméñţö. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Ya registrado a las {time} (sin conexión)</source>
            <translation>[Ýá ŕéĝíšţŕáďö á ĺáš {time} (šíñ çöñéxíóñ) ······ ······ ··]</translation>
        </message>
        <message>
            <source>Ya registrado a las {time}</source>
            <translation>[Ýá ŕéĝíšţŕáďö á ĺáš {time} ······ ··]</translation>
        </message>
        <message>
            <source>Este comprobante ya se usó. No lo registre otra vez.</source>
            <translation>[Éšţé çömƥŕöƀáñţé ýá šé úšó. Ñö ĺö ŕéĝíšţŕé öţŕá véž. ······ ······ ······]</translation>
        </message>
        <message>
            <source>Turno cancelado</source>
            <translation>[Ţúŕñö çáñçéĺáďö ···]</translation>
        </message>
        <message>
            <source>Este turno fue cancelado. La persona necesita un turno nuevo.</source>
            <translation>[Éšţé ţúŕñö fúé çáñçéĺáďö. Ĺá ƥéŕšöñá ñéçéšíţá úñ ţúŕñö ñúévö. ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>El turno es para {agency}. Indique a la persona que acuda allá.</source>
            <translation>[Éĺ ţúŕñö éš ƥáŕá {agency}. Íñďíqúé á ĺá ƥéŕšöñá qúé áçúďá áĺĺá. ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>El turno es para otra agencia.</source>
            <translation>[Éĺ ţúŕñö éš ƥáŕá öţŕá áĝéñçíá. ······ ···]</translation>
        </message>
        <message>
            <source>Turno de otra agencia</source>
            <translation>[Ţúŕñö ďé öţŕá áĝéñçíá ······]</translation>
        </message>
        <message>
            <source>Turno de otro día</source>
            <translation>[Ţúŕñö ďé öţŕö ďíá ····]</translation>
        </message>
        <message>
            <source>El turno es para el {date}.</source>
            <translation>[Éĺ ţúŕñö éš ƥáŕá éĺ {date}. ······ ··]</translation>
        </message>
        <message>
            <source>Todavía es temprano</source>
            <translation>[Ţöďávíá éš ţémƥŕáñö ·····]</translation>
        </message>
        <message>
            <source>Puede registrarse desde las {time}.</source>
            <translation>[Ƥúéďé ŕéĝíšţŕáŕšé ďéšďé ĺáš {time}. ······ ·····]</translation>
        </message>
        <message>
            <source>Llegó tarde</source>
            <translation>[Ĺĺéĝó ţáŕďé ··]</translation>
        </message>
        <message>
            <source>El turno era a las {time}; el registro cerró a las {closed}.</source>
            <translation>[Éĺ ţúŕñö éŕá á ĺáš {time}; éĺ ŕéĝíšţŕö çéŕŕó á ĺáš {closed}. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>No coincide</source>
            <translation>[Ñö çöíñçíďé ··]</translation>
        </message>
        <message>
            <source>No hay un turno de hoy con ese código y ese número de documento. Revise los dos.</source>
            <translation>[Ñö ĥáý úñ ţúŕñö ďé ĥöý çöñ éšé çóďíĝö ý éšé ñúméŕö ďé ďöçúméñţö. Ŕévíšé ĺöš ďöš. ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Falso o dañado</source>
            <translation>[Fáĺšö ö ďáñáďö ···]</translation>
        </message>
        <message>
            <source>El sistema no emitió este código, o está dañado. No registre la llegada; pruebe con el código del turno.</source>
            <translation>[Éĺ šíšţémá ñö émíţíó éšţé çóďíĝö, ö éšţá ďáñáďö. Ñö ŕéĝíšţŕé ĺá ĺĺéĝáďá; ƥŕúéƀé çöñ éĺ çóďíĝö ďéĺ ţúŕñö. ······ ······ ······ ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>No es un comprobante de turno</source>
            <translation>[Ñö éš úñ çömƥŕöƀáñţé ďé ţúŕñö ······ ···]</translation>
        </message>
        <message>
            <source>El código leído no es el QR de un turno.</source>
            <translation>[Éĺ çóďíĝö ĺéíďö ñö éš éĺ QŔ ďé úñ ţúŕñö. ······ ······ ·]</translation>
        </message>
        <message>
            <source>No se encontró un código QR</source>
            <translation>[Ñö šé éñçöñţŕó úñ çóďíĝö QŔ ······ ··]</translation>
        </message>
        <message>
            <source>Abra una foto o un PDF donde se vea el QR completo.</source>
            <translation>[Áƀŕá úñá föţö ö úñ ƤĎF ďöñďé šé véá éĺ QŔ çömƥĺéţö. ······ ······ ······]</translation>
        </message>
        <message>
            <source>Archivo no admitido</source>
            <translation>[Áŕçĥívö ñö áďmíţíďö ·····]</translation>
        </message>
        <message>
            <source>Abra una foto (PNG, JPG) o un PDF del comprobante.</source>
            <translation>[Áƀŕá úñá föţö (ƤÑĜ, JƤĜ) ö úñ ƤĎF ďéĺ çömƥŕöƀáñţé. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>No se pudo leer el archivo</source>
            <translation>[Ñö šé ƥúďö ĺééŕ éĺ áŕçĥívö ······ ··]</translation>
        </message>
        <message>
            <source>El archivo está dañado o no se puede abrir. Pruebe con otro.</source>
            <translation>[Éĺ áŕçĥívö éšţá ďáñáďö ö ñö šé ƥúéďé áƀŕíŕ. Ƥŕúéƀé çöñ öţŕö. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Archivo demasiado grande</source>
            <translation>[Áŕçĥívö ďémášíáďö ĝŕáñďé ······ ·]</translation>
        </message>
        <message>
            <source>Abra una foto más pequeña, o recorte el QR.</source>
            <translation>[Áƀŕá úñá föţö máš ƥéqúéñá, ö ŕéçöŕţé éĺ QŔ. ······ ······ ···]</translation>
        </message>
        <message>
            <source>Este equipo no puede leer archivos</source>
            <translation>[Éšţé éqúíƥö ñö ƥúéďé ĺééŕ áŕçĥívöš ······ ·····]</translation>
        </message>
        <message>
            <source>Falta el lector de QR en la instalación. Use el lector o el código.</source>
            <translation>[Fáĺţá éĺ ĺéçţöŕ ďé QŔ éñ ĺá íñšţáĺáçíóñ. Úšé éĺ ĺéçţöŕ ö éĺ çóďíĝö. ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>Se necesita conexión</source>
            <translation>[Šé ñéçéšíţá çöñéxíóñ ·····]</translation>
        </message>
        <message>
            <source>El registro por código necesita el sistema. Escanee el QR, o intente de nuevo en un momento.</source>
            <translation>[Éĺ ŕéĝíšţŕö ƥöŕ çóďíĝö ñéçéšíţá éĺ šíšţémá. Éšçáñéé éĺ QŔ, ö íñţéñţé ďé ñúévö éñ úñ möméñţö. ······ ······ ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>No se puede verificar ahora</source>
            <translation>[Ñö šé ƥúéďé véŕífíçáŕ áĥöŕá ······ ··]</translation>
        </message>
        <message>
            <source>Este código usa una clave nueva y no hay conexión para obtenerla. Intente de nuevo cuando vuelva la conexión.</source>
            <translation>[Éšţé çóďíĝö úšá úñá çĺávé ñúévá ý ñö ĥáý çöñéxíóñ ƥáŕá öƀţéñéŕĺá. Íñţéñţé ďé ñúévö çúáñďö vúéĺvá ĺá çöñéxíóñ. ······ ······ ······ ······ ······ ······ ·····]</translation>
        </message>
        <message>
            <source>No se pudo guardar la llegada</source>
            <translation>[Ñö šé ƥúďö ĝúáŕďáŕ ĺá ĺĺéĝáďá ······ ···]</translation>
        </message>
        <message>
            <source>El comprobante es válido, pero sin conexión la llegada no se pudo guardar: el disco está lleno. Atienda al ciudadano y avise a soporte técnico.</source>
            <translation>[Éĺ çömƥŕöƀáñţé éš váĺíďö, ƥéŕö šíñ çöñéxíóñ ĺá ĺĺéĝáďá ñö šé ƥúďö ĝúáŕďáŕ: éĺ ďíšçö éšţá ĺĺéñö. Áţíéñďá áĺ çíúďáďáñö ý ávíšé á šöƥöŕţé ţéçñíçö. ······ ······ ······ ······ ······ ······ ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>El sistema no aceptó la consulta</source>
            <translation>[Éĺ šíšţémá ñö áçéƥţó ĺá çöñšúĺţá ······ ····]</translation>
        </message>
        <message>
            <source>Intente de nuevo en un momento. Si se repite, avise al administrador.</source>
            <translation>[Íñţéñţé ďé ñúévö éñ úñ möméñţö. Ší šé ŕéƥíţé, ávíšé áĺ áďmíñíšţŕáďöŕ. ······ ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>El sistema no acepta este puesto</source>
            <translation>[Éĺ šíšţémá ñö áçéƥţá éšţé ƥúéšţö ······ ····]</translation>
        </message>
        <message>
            <source>La credencial de este puesto no es válida. Avise al administrador.</source>
            <translation>[Ĺá çŕéďéñçíáĺ ďé éšţé ƥúéšţö ñö éš váĺíďá. Ávíšé áĺ áďmíñíšţŕáďöŕ. ······ ······ ······ ······]</translation>
        </message>
        <message>
            <source>Escanee el QR del comprobante</source>
            <translation>[Éšçáñéé éĺ QŔ ďéĺ çömƥŕöƀáñţé ······ ···]</translation>
        </message>
        <message>
            <source>Use el lector, la cámara, un archivo o el código del turno.</source>
            <translation>[Úšé éĺ ĺéçţöŕ, ĺá çámáŕá, úñ áŕçĥívö ö éĺ çóďíĝö ďéĺ ţúŕñö. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Verificando…</source>
            <translation>[Véŕífíçáñďö… ··]</translation>
        </message>
        <message>
            <source>Consultando al sistema.</source>
            <translation>[Çöñšúĺţáñďö áĺ šíšţémá. ······ ·]</translation>
        </message>
        <message>
            <source>Turno</source>
            <translation>[Ţúŕñö ·]</translation>
        </message>
        <message>
            <source>Trámite</source>
            <translation>[Ţŕámíţé ·]</translation>
        </message>
        <message>
            <source>Hora</source>
            <translation>[Ĥöŕá ·]</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>[Ñömƀŕé ·]</translation>
        </message>
        <message>
            <source>Documento</source>
            <translation>[Ďöçúméñţö ·]</translation>
        </message>
        <message>
            <source>Registrado {time}</source>
            <translation>[Ŕéĝíšţŕáďö {time} ····]</translation>
        </message>
        <message>
            <source>Cancelado</source>
            <translation>[Çáñçéĺáďö ·]</translation>
        </message>
        <message>
            <source>No se presentó</source>
            <translation>[Ñö šé ƥŕéšéñţó ···]</translation>
        </message>
        <message>
            <source>Por llegar</source>
            <translation>[Ƥöŕ ĺĺéĝáŕ ·]</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>[Ţöţáĺ ·]</translation>
        </message>
        <message>
            <source>Registrados</source>
            <translation>[Ŕéĝíšţŕáďöš ··]</translation>
        </message>
        <message>
            <source>No se presentaron</source>
            <translation>[Ñö šé ƥŕéšéñţáŕöñ ····]</translation>
        </message>
        <message>
            <source>Cancelados</source>
            <translation>[Çáñçéĺáďöš ·]</translation>
        </message>
        <message>
            <source>Todos los estados</source>
            <translation>[Ţöďöš ĺöš éšţáďöš ····]</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>[Éšţáďö ·]</translation>
        </message>
        <message>
            <source>Lista actualizada a las {time}</source>
            <translation>[Ĺíšţá áçţúáĺížáďá á ĺáš {time} ······ ···]</translation>
        </message>
        <message>
            <source>Sin conexión: lista de las {time}</source>
            <translation>[Šíñ çöñéxíóñ: ĺíšţá ďé ĺáš {time} ······ ·····]</translation>
        </message>
        <message>
            <source>Sin conexión: la lista llegará con la conexión</source>
            <translation>[Šíñ çöñéxíóñ: ĺá ĺíšţá ĺĺéĝáŕá çöñ ĺá çöñéxíóñ ······ ······ ····]</translation>
        </message>
        <message>
            <source>El sistema no acepta la credencial de este puesto</source>
            <translation>[Éĺ šíšţémá ñö áçéƥţá ĺá çŕéďéñçíáĺ ďé éšţé ƥúéšţö ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Conectando con el sistema…</source>
            <translation>[Çöñéçţáñďö çöñ éĺ šíšţémá… ······ ··]</translation>
        </message>
        <message>
            <source>En línea</source>
            <translation>[Éñ ĺíñéá ·]</translation>
        </message>
        <message>
            <source>Sin conexión desde las {time}</source>
            <translation>[Šíñ çöñéxíóñ ďéšďé ĺáš {time} ······ ···]</translation>
        </message>
        <message numerus="yes">
            <source>%n registro por enviar</source>
            <translation>
                <numerusform>[%n ŕéĝíšţŕö ƥöŕ éñvíáŕ ······]</numerusform>
                <numerusform>[%n ŕéĝíšţŕöš ƥöŕ éñvíáŕ ······ ·]</numerusform>
            </translation>
        </message>
        <message>
            <source>sin claves: no puede verificar sin conexión</source>
            <translation>[šíñ çĺávéš: ñö ƥúéďé véŕífíçáŕ šíñ çöñéxíóñ ······ ······ ···]</translation>
        </message>
        <message>
            <source>claves de las {time}</source>
            <translation>[çĺávéš ďé ĺáš {time} ·····]</translation>
        </message>
        <message>
            <source>claves del {date} a las {time}</source>
            <translation>[çĺávéš ďéĺ {date} á ĺáš {time} ······ ···]</translation>
        </message>
        <message>
            <source>Abrir foto o PDF del comprobante</source>
            <translation>[Áƀŕíŕ föţö ö ƤĎF ďéĺ çömƥŕöƀáñţé ······ ····]</translation>
        </message>
        <message>
            <source>Fotos o PDF</source>
            <translation>[Föţöš ö ƤĎF ··]</translation>
        </message>
    </context>
    <context>
        <name>StaffWindow</name>
        <message>
            <source>Escriba el código del turno.</source>
            <translation>[Éšçŕíƀá éĺ çóďíĝö ďéĺ ţúŕñö. ······ ···]</translation>
        </message>
        <message>
            <source>Escriba el número de documento.</source>
            <translation>[Éšçŕíƀá éĺ ñúméŕö ďé ďöçúméñţö. ······ ····]</translation>
        </message>
        <message>
            <source>Registro de llegada</source>
            <translation>[Ŕéĝíšţŕö ďé ĺĺéĝáďá ·····]</translation>
        </message>
        <message>
            <source>Detener cámara (F4)</source>
            <translation>[Ďéţéñéŕ çámáŕá (F4) ·····]</translation>
        </message>
        <message>
            <source>Cámara (F4)</source>
            <translation>[Çámáŕá (F4) ··]</translation>
        </message>
        <message>
            <source>Abrir archivo… (F3)</source>
            <translation>[Áƀŕíŕ áŕçĥívö… (F3) ·····]</translation>
        </message>
        <message>
            <source>O arrastre aquí una foto o un PDF del comprobante.</source>
            <translation>[Ö áŕŕášţŕé áqúí úñá föţö ö úñ ƤĎF ďéĺ çömƥŕöƀáñţé. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>Sin QR: código del turno y documento (F2)</source>
            <translation>[Šíñ QŔ: çóďíĝö ďéĺ ţúŕñö ý ďöçúméñţö (F2) ······ ······ ··]</translation>
        </message>
        <message>
            <source>Código del turno</source>
            <translation>[Çóďíĝö ďéĺ ţúŕñö ····]</translation>
        </message>
        <message>
            <source>Número de documento</source>
            <translation>[Ñúméŕö ďé ďöçúméñţö ·····]</translation>
        </message>
        <message>
            <source>Registrar</source>
            <translation>[Ŕéĝíšţŕáŕ ·]</translation>
        </message>
        <message>
            <source>F5 actualizar · Ctrl+F buscar en la lista · El lector funciona siempre.</source>
            <translation>[F5 áçţúáĺížáŕ · Çţŕĺ+F ƀúšçáŕ éñ ĺá ĺíšţá · Éĺ ĺéçţöŕ fúñçíöñá šíémƥŕé. ······ ······ ······ ······ ··]</translation>
        </message>
        <message>
            <source>La cámara está desactivada en la configuración.</source>
            <translation>[Ĺá çámáŕá éšţá ďéšáçţíváďá éñ ĺá çöñfíĝúŕáçíóñ. ······ ······ ····]</translation>
        </message>
        <message>
            <source>No se encontró una cámara. Use el lector o abra un archivo.</source>
            <translation>[Ñö šé éñçöñţŕó úñá çámáŕá. Úšé éĺ ĺéçţöŕ ö áƀŕá úñ áŕçĥívö. ······ ······ ······ ···]</translation>
        </message>
        <message>
            <source>Falta el soporte de cámara en esta instalación. Use el lector o abra un archivo.</source>
            <translation>[Fáĺţá éĺ šöƥöŕţé ďé çámáŕá éñ éšţá íñšţáĺáçíóñ. Úšé éĺ ĺéçţöŕ ö áƀŕá úñ áŕçĥívö. ······ ······ ······ ······ ·····]</translation>
        </message>
    </context>
    <context>
        <name>StepView</name>
        <message>
            <source>Siguiente</source>
            <extracomment>validity, busy state or error changed: the shell re-reads is_valid()/next_label(). the citizen confirmed inside the view (e.g. the keypad's OK key): same as Siguiente.</extracomment>
            <translation>[Šíĝúíéñţé ·]</translation>
        </message>
    </context>
    <context>
        <name>TechnicianOverlay</name>
        <message>
            <source>Kiosco fuera de servicio</source>
            <translation>[Ķíöšçö fúéŕá ďé šéŕvíçíö ······ ·]</translation>
        </message>
        <message>
            <source>Este kiosco necesita la visita de un técnico. Por favor, acérquese a una ventanilla.</source>
            <translation>[Éšţé ķíöšçö ñéçéšíţá ĺá víšíţá ďé úñ ţéçñíçö. Ƥöŕ fávöŕ, áçéŕqúéšé á úñá véñţáñíĺĺá. ······ ······ ······ ······ ······ ·]</translation>
        </message>
    </context>
    <context>
        <name>TurnBlock</name>
        <message>
            <source>Su turno</source>
            <translation>[Šú ţúŕñö ·]</translation>
        </message>
    </context>
    <context>
        <name>TurnCard</name>
        <message>
            <source>{date}, a las {time}</source>
            <translation>[{date}, á ĺáš {time} ·····]</translation>
        </message>
        <message>
            <source>Imprimir de nuevo</source>
            <translation>[Ímƥŕímíŕ ďé ñúévö ····]</translation>
        </message>
        <message>
            <source>En otra agencia. Su comprobante se imprime allí.</source>
            <translation>[Éñ öţŕá áĝéñçíá. Šú çömƥŕöƀáñţé šé ímƥŕímé áĺĺí. ······ ······ ·····]</translation>
        </message>
        <message>
            <source>No, mantener</source>
            <translation>[Ñö, máñţéñéŕ ··]</translation>
        </message>
        <message>
            <source>Sí, anularlo</source>
            <translation>[Ší, áñúĺáŕĺö ··]</translation>
        </message>
        <message>
            <source>Anular turno</source>
            <translation>[Áñúĺáŕ ţúŕñö ··]</translation>
        </message>
    </context>
    <context>
        <name>TurnWords</name>
        <message>
            <source>Si es artesano calificado: {title}</source>
            <translation>[Ší éš áŕţéšáñö çáĺífíçáďö: {title} ······ ·····]</translation>
        </message>
        <message>
            <source>{date}, a las {time}</source>
            <translation>[{date}, á ĺáš {time} ·····]</translation>
        </message>
        <message>
            <source>También le enviamos la confirmación al correo {email}.</source>
            <translation>[Ţámƀíéñ ĺé éñvíámöš ĺá çöñfíŕmáçíóñ áĺ çöŕŕéö {email}. ······ ······ ······ ·]</translation>
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Bienvenido</source>
            <extracomment>the citizen touched a language button (or the screen: the default language).</extracomment>
            <translation>[Ɓíéñvéñíďö ·]</translation>
        </message>
        <message>
            <source>Empezar</source>
            <translation>[Émƥéžáŕ ·]</translation>
        </message>
        <message>
            <source>Reserve su turno de atención</source>
            <translation>[Ŕéšéŕvé šú ţúŕñö ďé áţéñçíóñ ······ ···]</translation>
        </message>
        <message>
            <source>Toque el botón de su idioma para empezar. El trámite no tiene costo.</source>
            <translation>[Ţöqúé éĺ ƀöţóñ ďé šú íďíömá ƥáŕá émƥéžáŕ. Éĺ ţŕámíţé ñö ţíéñé çöšţö. ······ ······ ······ ······ ·]</translation>
        </message>
        <message>
            <source>La impresora no funciona ahora. Puede reservar igual: verá su turno en la pantalla y le llegará por correo.</source>
            <translation>[Ĺá ímƥŕéšöŕá ñö fúñçíöñá áĥöŕá. Ƥúéďé ŕéšéŕváŕ íĝúáĺ: véŕá šú ţúŕñö éñ ĺá ƥáñţáĺĺá ý ĺé ĺĺéĝáŕá ƥöŕ çöŕŕéö. ······ ······ ······ ······ ······ ······ ····]</translation>
        </message>
        <message>
            <source>Tenga a mano su cédula, su correo electrónico y su número de celular.</source>
            <translation>[Ţéñĝá á máñö šú çéďúĺá, šú çöŕŕéö éĺéçţŕóñíçö ý šú ñúméŕö ďé çéĺúĺáŕ. ······ ······ ······ ······ ·]</translation>
        </message>
    </context>
</TS>
