META = {
    "slug": "2025-06-latam-fondos-feministas",
    "format": "oneline_es", "encoding": "utf-8-bom", "line_endings": "LF",
    "title": "Mesa redonda: financiamiento flexible para organizaciones feministas y de mujeres en América Latina (fondos de mujeres y donantes bilaterales)",
    "hosts": ["Valeria Ríos (anfitriona)", "Soporte técnico - Lucía"],
    "event_kind": "donor-roundtable", "languages": ["es", "pt", "en"],
    "start": "16:00:12",
}
CHAT = r"""
o | Valeria Ríos (anfitriona) | ¡Bienvenidas y bienvenidos! Por favor escriban su nombre, organización y desde dónde se conectan 💜
o | Yuliana Mosquera | Yuliana Mosquera, Red de Mujeres del Pacífico, Quibdó, Chocó
o | Carolina Pérez | Carolina desde Bogotá, Colectiva Semillas de Paz
o | Mariana Souza | Boa tarde! Mariana, Recife, Coletivo Marias da Maré
o | Daniela Quispe | Daniela Quispe, El Alto, Bolivia. Buenas tardes compañeras
o | Hilde Berg | Hello, Hilde from Oslo, gender team of a bilateral donor (I understand Spanish, I'll write in English)
o | Ximena Araya | Ximena, Santiago de Chile 🇨🇱
o | Sofía Lemus | Sofía Lemus, Ciudad de Guatemala, organización de mujeres mayas
o | Soporte técnico - Lucía | Hay interpretación al inglés y al portugués. Hagan clic en el globo 🌐 "Interpretación" abajo en la pantalla
o | Andrea Villalobos | Andrea desde Medellín, saludos a todas
l | Mariana Souza | Não encontro o botão de interpretação, onde fica? estou no celular | Portuguese: 'I can't find the interpretation button, where is it?': logistics
o | Soporte técnico - Lucía | Mariana, en el celular está en "Más" (los tres puntos) > Interpretación
o | Mariana Souza | Achei, obrigada!
o | Valeria Ríos (anfitriona) | Nuestras panelistas: Patricia Mejía (fondo de mujeres regional), Lorena Cuesta (ONG de Tumaco) y Ingrid Dahl (agencia de cooperación)
q | Carolina Pérez | Patricia, ¿cuántas organizaciones reciben financiamiento básico del fondo y por cuántos años?
o | Yuliana Mosquera | Qué bueno escuchar a Patricia, el fondo nos acompañó en 2022
q | Hilde Berg | What share of your grants goes to organisations that are not legally registered?
q | Daniela Quispe | Pregunta: ¿el fondo acepta propuestas en aimara o quechua o solo en castellano?
o | Ximena Araya | Muy buen punto Daniela
q | Andrea Villalobos | Patricia y ¿qué porcentaje de las organizaciones financiadas son de mujeres afro o indígenas?
o | Sofía Lemus | Lo mismo para los idiomas mayas, sería muy importante
o | Lorena Cuesta | Les comparto nuestro informe sobre lideresas en Tumaco: https://mujerespacifico.example.org/informe-2024
o | Andrea Villalobos | Gracias Lorena 🙏
q | Yuliana Mosquera | Lorena, ¿cómo hacen para proteger a las lideresas que denuncian? En el Chocó están amenazadas todo el tiempo
o | Carolina Pérez | Terrible la situación en el Pacífico. Un abrazo Yuliana
l | Hilde Berg | The English channel is silent for me, is interpretation working?
q | Mariana Souza | Pergunta para a Lorena: vocês têm algum fundo de emergência para proteção? Quanto tempo leva para liberar o dinheiro? | Portuguese: question with 'Pergunta' prefix
o | Ximena Araya | no se escucha a Lorena | audio report, other
o | Andrea Villalobos | se congeló
o | Lorena Cuesta | perdón, se me fue la luz, ya volví
q | Carolina Pérez | Me pregunto si los donantes bilaterales entienden que los proyectos de 12 meses no sirven para procesos de paz | indirect question ('me pregunto si'), also reads like a challenge to the donor panelist
o | Daniela Quispe | 👏👏👏 totalmente
o | Valeria Ríos (anfitriona) | Gracias Lorena. Ahora le damos la palabra a Ingrid Dahl
o | Hilde Berg | Looking forward to Ingrid's view, we face the same constraints in our ministry
q | Daniela Quispe | Ingrid, ¿su agencia tiene una estrategia feminista escrita? ¿Dónde la podemos leer?
q | Sofía Lemus | Ingrid, ¿por qué los donantes piden tantos informes a organizaciones tan pequeñas? Nosotras pasamos más tiempo en informes que en el territorio
o | Yuliana Mosquera | +1 Sofía
q | Ximena Araya | ¿Qué pasa con el financiamiento cuando cambia el gobierno en el país donante? Hemos visto recortes de un año para otro
q | Andrea Villalobos | Ingrid, ustedes financian directamente a organizaciones locales o siempre a través de una ONG internacional?
o | Ingrid Dahl | Andrea, mostly through intermediaries today, but we have a pilot with two women's funds. I'll say more in a moment
q | Carolina Pérez | ¿Y cuánto dura ese piloto?
l | Daniela Quispe | ¿Van a compartir la grabación? Muchas compañeras no pudieron conectarse por la señal
o | Soporte técnico - Lucía | Sí Daniela, la grabación y las presentaciones se enviarán por correo esta semana
p>Valeria Ríos (anfitriona) | Yuliana Mosquera | Valeria, ¿puedes leer mi pregunta sin decir mi nombre? Por seguridad
o | Mariana Souza | Aqui no Brasil os fundos de mulheres negras estão fazendo um trabalho incrível, vale a pena olhar: https://fundomulheresnegras.example.br
q | Hilde Berg | Ingrid, how does your pilot handle the risk assessment? That is always the argument our finance people use against direct funding
o | Carolina Pérez | El riesgo siempre recae en las organizaciones pequeñas, nunca en el donante
q | Daniela Quispe | y los fondos para organizaciones rurales que no tienen cuenta bancaria?
o | Ximena Araya | Justo eso, Daniela. En el sur de Chile pasa lo mismo con organizaciones mapuche
q | Hilde Berg | Lorena, would a simple cash box system with photos of receipts be acceptable for your auditors, or is it always three quotes?
o | Sofía Lemus | La auditoría nos pidió tres cotizaciones para comprar un termo 😅
q | Yuliana Mosquera | Patricia, ¿el fondo regional podría hacer de puente para que las organizaciones pequeñas reciban fondos bilaterales sin tener que cumplir todos los requisitos?
o | Patricia Mejía | Yuliana, justamente ese es el modelo que estamos probando con Ingrid, les comparto la nota conceptual: https://fondoregional.example.org/nota-conceptual-puente.pdf
o | Yuliana Mosquera | Gracias Patricia ❤️
o | Carolina Pérez | Reacted to "Yuliana, justamente ese..." with ❤️ | reaction line kept in the English shape the README uses (localised form unknown)
q | Mariana Souza | Vocês poderiam falar um pouco mais sobre o cuidado e o bem-estar das ativistas? Isso entra no orçamento? | Portuguese request to elaborate
q | Hilde Berg | What does 'flexible' mean in practice for you? Can an organisation move money between budget lines without asking?
o | Lorena Cuesta | Hilde, for us flexible means we can pay rent and salaries, not only activities
q | Mariana Souza | E os salários das coordenadoras, entram como custo institucional? | Portuguese elliptical follow-up, 'and the coordinators' salaries...?'
o | Sofía Lemus | Exacto Lorena
l | Ximena Araya | La interpretación al portugués se cortó, ¿la pueden revisar?
o | Soporte técnico - Lucía | Gracias Ximena, ya lo estamos revisando con la intérprete
q | Andrea Villalobos | Una pregunta para todas las panelistas: ¿cómo ven el futuro del financiamiento feminista con los recortes de la cooperación en 2025?
o | Carolina Pérez | Esa es LA pregunta
q | Yuliana Mosquera | Patricia, ustedes tienen un fondo de emergencia para lideresas amenazadas cierto? ¿Cómo se accede? | contains a tag question inside a real question
q | Sofía Lemus | Quisiera saber si existe algún espacio donde las organizaciones de base puedan hablar directamente con los donantes, sin intermediarios
q | Ximena Araya | Ingrid, el piloto con los fondos de mujeres ¿se va a ampliar a Centroamérica?
o | Gana Dinero Desde Casa | 💸 Gana $500 diarios desde tu casa, escríbeme: ganadinero.example/registro
o | Soporte técnico - Lucía | Eliminamos ese mensaje, disculpen
l | Carolina Pérez | ¿Nos pueden compartir en el chat el enlace a las presentaciones?
p>Soporte técnico - Lucía | Andrea Villalobos | Lucía, ¿me puedes reenviar el enlace de la interpretación? lo cerré sin querer
q | Carolina Pérez | Lorena, dos preguntas:\n- en Tumaco ¿han tenido experiencias con fondos de empresas privadas?\n- ¿cómo manejan el riesgo de cooptación? | multi-line message, lines after the first written raw (old one-line client)
o | Mariana Souza | Essa discussão é muito importante, obrigada a todas
q | Ximena Araya | Me gustaría saber cómo se decide quién integra el comité de selección del fondo regional | indirect question without '?'
q | Daniela Quispe | Patricia, ¿el fondo acepta informes en video o audio? muchas compañeras no escriben
o | Patricia Mejía | Daniela, ¡sí! Desde 2023 aceptamos informes orales, en audio o video, en cualquier idioma
o | Daniela Quispe | qué buena noticia!!
o | Hilde Berg | For the donors in the room: is anyone already funding women's funds with multi-year core grants? I'd like to compare notes | asks fellow participants (donors), not the panel: other
o | Carolina Pérez | Hilde, escribe a Patricia, ella conoce varios casos
l | Yuliana Mosquera | ¿Dónde se inscribe una para la próxima mesa? 
o | Valeria Ríos (anfitriona) | El formulario de inscripción para la próxima sesión (septiembre): https://forms.example.org/mesa-fondos-sept
q | Andrea Villalobos | Última: ¿los donantes aceptarían que las organizaciones definan sus propios indicadores de éxito? | 'Última' = 'last one'
o | Ingrid Dahl | Andrea, we are starting to accept partner-defined indicators in the pilot, yes
p>Valeria Ríos (anfitriona) | Hilde Berg | Valeria, thank you, can we schedule a call next week with Patricia and you?
o | Ximena Araya | Gracias por este espacio tan necesario
o | Mariana Souza | Obrigada, até a próxima! 💜
o | Yuliana Mosquera | Gracias compañeras, abrazos desde el Chocó
o | Valeria Ríos (anfitriona) | ¡Gracias a todas! Por favor respondan la encuesta de evaluación: https://forms.example.org/eval-mesa-junio
"""
