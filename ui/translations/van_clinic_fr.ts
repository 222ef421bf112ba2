<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Cancelled</name>
    <message>
        <source>stopped before it was done; nothing was changed</source>
        <translation>arrêté avant la fin&#x202f;; rien n&apos;a été modifié</translation>
    </message>
</context>
<context>
    <name>ChecklistFilter</name>
    <message>
        <source>Type to find, Enter ticks</source>
        <translation>Tapez pour chercher, Entrée coche</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Find client</source>
        <translation>Trouver un client</translation>
    </message>
    <message>
        <source>Type a name, alias or code</source>
        <translation>Tapez un nom, un surnom ou un code</translation>
    </message>
    <message>
        <source>{field}: matches</source>
        <translation>{field}&#xa0;: résultats</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error message</source>
        <translation>Message d&apos;erreur</translation>
    </message>
</context>
<context>
    <name>FolderDialog</name>
    <message>
        <source>Choose a folder</source>
        <translation>Choisir un dossier</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
</context>
<context>
    <name>FormBase</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer la saisie</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>{form}: the changes are not saved.</source>
        <translation>{form}&#xa0;: les modifications ne sont pas enregistrées.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not saved. {field}: {problem}</source>
        <translation>Rien n&apos;a été enregistré. {field}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Not saved. {problem}</source>
        <translation>Rien n&apos;a été enregistré. {problem}</translation>
    </message>
</context>
<context>
    <name>FormHost</name>
    <message>
        <source>a visit</source>
        <translation>une visite</translation>
    </message>
    <message>
        <source>a referral</source>
        <translation>une orientation</translation>
    </message>
    <message>
        <source>an incident report</source>
        <translation>un rapport d&apos;incident</translation>
    </message>
    <message>
        <source>a quick contact</source>
        <translation>un contact rapide</translation>
    </message>
    <message>
        <source>a new client&apos;s details</source>
        <translation>les renseignements d&apos;un nouveau client</translation>
    </message>
    <message>
        <source>a form</source>
        <translation>un formulaire</translation>
    </message>
    <message>
        <source>Finish this form first: Ctrl+S saves, Esc cancels.</source>
        <translation>Terminez d&apos;abord ce formulaire&#xa0;: Ctrl+S enregistre, Échap annule.</translation>
    </message>
    <message>
        <source>Cannot open {form}: {problem}</source>
        <translation>Impossible d&apos;ouvrir «&#xa0;{form}&#xa0;»&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Locked, but the unsaved form could not be kept: {problem}</source>
        <translation>Verrouillé, mais le formulaire non enregistré n&apos;a pas pu être conservé&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Locked, but the unsaved form could not be kept ({error})</source>
        <translation>Verrouillé, mais le formulaire non enregistré n&apos;a pas pu être conservé ({error})</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} et {second}</translation>
    </message>
    <message>
        <source>The unsaved form was discarded.</source>
        <translation>Le formulaire non enregistré a été abandonné.</translation>
    </message>
    <message numerus="yes">
        <source>%n older kept form(s) will be offered after a later unlock.</source>
        <translation>
            <numerusform>%n formulaire plus ancien, conservé, sera proposé lors d&apos;un prochain déverrouillage.</numerusform>
            <numerusform>%n formulaires plus anciens, conservés, seront proposés lors d&apos;un prochain déverrouillage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved form kept</source>
        <translation>Formulaire non enregistré conservé</translation>
    </message>
    <message>
        <source>When the app locked, {what} had not been saved. It was kept, encrypted in the vault. Open it again as it was?</source>
        <translation>Lorsque l&apos;application s&apos;est verrouillée, des données n&apos;étaient pas enregistrées&#xa0;: {what}. Elles ont été conservées, chiffrées dans le coffre. Les rouvrir telles quelles&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <source>The unsaved form&apos;s client is no longer on record.</source>
        <translation>La personne liée au formulaire non enregistré ne figure plus dans les dossiers.</translation>
    </message>
    <message>
        <source>The unsaved form is back as it was.</source>
        <translation>Le formulaire non enregistré est rouvert tel qu&apos;il était.</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>Include it, anonymised, on the printed alert sheet?</source>
        <translation>L&apos;inscrire, de façon anonyme, sur la fiche d&apos;alerte imprimée&#x202f;?</translation>
    </message>
    <message>
        <source>Share it with the police liaison?</source>
        <translation>Le communiquer à la liaison policière&#x202f;?</translation>
    </message>
    <message>
        <source>On the sheet: when, area, person, vehicle, partial plate, phone and what happened, as typed here. Never who reported it: leave names out.</source>
        <translation>Sur la fiche&#xa0;: date et heure, secteur, personne, véhicule, plaque partielle, téléphone et ce qui s&apos;est passé, tels que saisis ici. Jamais qui l&apos;a signalé&#xa0;: n&apos;inscrivez aucun nom.</translation>
    </message>
    <message>
        <source>What was done, without names: it goes on the alert sheet if they agree.</source>
        <translation>Ce qui a été fait, sans nom&#xa0;: ce texte figure sur la fiche d&apos;alerte si la personne y consent.</translation>
    </message>
    <message>
        <source>New incident report</source>
        <translation>Nouveau rapport d&apos;incident</translation>
    </message>
    <message>
        <source>a police-liaison account cannot record or correct incidents</source>
        <translation>un compte de liaison policière ne peut ni consigner ni corriger d&apos;incidents</translation>
    </message>
    <message>
        <source>Correct incident report (version {version})</source>
        <translation>Corriger le rapport d&apos;incident (version {version})</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Date et heure de l&apos;incident</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Partial plate</source>
        <translation>Plaque partielle</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>Description of the person</source>
        <translation>Description de la personne</translation>
    </message>
    <message>
        <source>Description of the vehicle</source>
        <translation>Description du véhicule</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Date et heure</translation>
    </message>
    <message>
        <source>The person reporting chooses</source>
        <translation>La personne qui signale choisit</translation>
    </message>
    <message>
        <source>Alert sheet consent</source>
        <translation>Consentement à la fiche d&apos;alerte</translation>
    </message>
    <message>
        <source>Police liaison consent</source>
        <translation>Consentement à la liaison policière</translation>
    </message>
    <message>
        <source>Ask both questions. Nothing is chosen until they answer.</source>
        <translation>Posez les deux questions. Rien n&apos;est coché avant sa réponse.</translation>
    </message>
    <message>
        <source>Reported by (optional)</source>
        <translation>Signalé par (facultatif)</translation>
    </message>
    <message>
        <source>Reported by {name}</source>
        <translation>Signalé par {name}</translation>
    </message>
    <message>
        <source>Reporting client</source>
        <translation>Personne qui signale</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>cette personne</translation>
    </message>
    <message>
        <source>choose yes or no with the person reporting</source>
        <translation>choisissez oui ou non avec la personne qui signale</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>New referral</source>
        <translation>Nouvelle orientation</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>Enregistrer et imprimer</translation>
    </message>
    <message>
        <source>Correct referral (version {version})</source>
        <translation>Corriger l&apos;orientation (version {version})</translation>
    </message>
    <message>
        <source>New referral, with the visit</source>
        <translation>Nouvelle orientation, avec la visite</translation>
    </message>
    <message>
        <source>The visit is not saved yet: saving here saves the visit and this referral together. Esc goes back to the visit, as you left it.</source>
        <translation>La visite n&apos;est pas encore enregistrée&#xa0;: enregistrer ici enregistre ensemble la visite et cette orientation. Échap revient à la visite, telle que vous l&apos;avez laissée.</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Service de destination</translation>
    </message>
    <message>
        <source>Filter the service directory</source>
        <translation>Filtrer le répertoire des services</translation>
    </message>
    <message>
        <source>Type to filter the service directory</source>
        <translation>Tapez pour filtrer le répertoire des services</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Name on paper</source>
        <translation>Nom imprimé</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>What the client was told</source>
        <translation>Ce qui a été dit à la personne</translation>
    </message>
    <message>
        <source>Client was told</source>
        <translation>Dit à la personne</translation>
    </message>
    <message>
        <source>Print notes on the service copy</source>
        <translation>Imprimer les notes sur la copie du service</translation>
    </message>
    <message>
        <source>Print notes</source>
        <translation>Imprimer les notes</translation>
    </message>
    <message>
        <source>The client agrees to share</source>
        <translation>La personne accepte de communiquer</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Divulgation</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>no longer in the directory</source>
        <translation>ne figure plus au répertoire</translation>
    </message>
    <message>
        <source>choose a service from the directory</source>
        <translation>choisissez un service du répertoire</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>New visit</source>
        <translation>Nouvelle visite</translation>
    </message>
    <message>
        <source>Correct visit (version {version})</source>
        <translation>Corriger la visite (version {version})</translation>
    </message>
    <message>
        <source>Save and refer…</source>
        <translation>Enregistrer et orienter…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Date et heure</translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Membre du personnel</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>{service} result</source>
        <translation>{service}&#xa0;: résultat</translation>
    </message>
    <message>
        <source>result</source>
        <translation>résultat</translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation>Trouver un service</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Trouver</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat de test</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Matériel remis</translation>
    </message>
    <message>
        <source>Needles returned</source>
        <translation>Aiguilles rapportées</translation>
    </message>
    <message>
        <source>Needles &amp;returned</source>
        <translation>Aiguilles &amp;rapportées</translation>
    </message>
    <message>
        <source>Overdose reversals reported</source>
        <translation>Surdoses renversées signalées</translation>
    </message>
    <message>
        <source>Over&amp;dose reversals reported</source>
        <translation>Surdoses renversées &amp;signalées</translation>
    </message>
    <message>
        <source>Collected for someone &amp;else</source>
        <translation>Récupéré pour une a&amp;utre personne</translation>
    </message>
    <message>
        <source>Collected for someone else</source>
        <translation>Récupéré pour une autre personne</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Re&amp;ason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Follow-&amp;up</source>
        <translation>Su&amp;ivi</translation>
    </message>
</context>
<context>
    <name>WeekBox</name>
    <message>
        <source>a date like 2026-12-01 or a week like 2026-W49</source>
        <translation>une date comme 2026-12-01 ou une semaine comme 2026-W49</translation>
    </message>
    <message>
        <source>{text} is not a date</source>
        <translation>{text} n&apos;est pas une date</translation>
    </message>
    <message>
        <source>type {example}</source>
        <translation>tapez {example}</translation>
    </message>
    <message>
        <source>{week} has not started yet</source>
        <translation>la semaine {week} n&apos;a pas encore commencé</translation>
    </message>
    <message>
        <source>2026-W49 or 2026-12-01</source>
        <translation>2026-W49 ou 2026-12-01</translation>
    </message>
    <message>
        <source>Type {example}; F4 or Alt+Down opens a calendar</source>
        <translation>Tapez {example}&#x202f;; F4 ou Alt+Bas ouvre un calendrier</translation>
    </message>
    <message>
        <source>Not a week: {problem}.</source>
        <translation>Semaine non valide&#xa0;: {problem}.</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>{question}: yes</source>
        <translation>{question}&#xa0;: oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{question}: no</source>
        <translation>{question}&#xa0;: non</translation>
    </message>
</context>
<context>
    <name>ZoneNote</name>
    <message>
        <source>{field}: time zone</source>
        <translation>{field}&#xa0;: fuseau horaire</translation>
    </message>
    <message>
        <source>No such time here: the clocks jump ahead that night.</source>
        <translation>Cette heure n&apos;existe pas ici&#xa0;: on avance l&apos;heure cette nuit-là.</translation>
    </message>
    <message>
        <source>This time {problem}.</source>
        <translation>Cette heure {problem}.</translation>
    </message>
    <message>
        <source>Happens twice (the clocks go back). Which one?</source>
        <translation>Cette heure revient deux fois (on recule l&apos;heure). Laquelle&#x202f;?</translation>
    </message>
    <message>
        <source>{time} {zone}, the first</source>
        <translation>{time} {zone}, la première</translation>
    </message>
    <message>
        <source>{time} {zone}, the second</source>
        <translation>{time} {zone}, la deuxième</translation>
    </message>
</context>
<context>
    <name>_CalendarPopup</name>
    <message>
        <source>Pick a day of the week to export</source>
        <translation>Choisissez un jour de la semaine à exporter</translation>
    </message>
</context>
<context>
    <name>dialog_buttons</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Record a visit</source>
        <translation>Consigner une visite</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Contact rapide</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Incident report</source>
        <translation>Rapport d&apos;incident</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>Rapports d&apos;incident</translation>
    </message>
    <message>
        <source>History and corrections</source>
        <translation>Historique et corrections</translation>
    </message>
    <message>
        <source>Merge clients</source>
        <translation>Fusionner des dossiers clients</translation>
    </message>
    <message>
        <source>Delete at the client&apos;s request</source>
        <translation>Supprimer à la demande de la personne</translation>
    </message>
    <message>
        <source>Service directory</source>
        <translation>Répertoire des services</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Client registered.</source>
        <translation>Client inscrit.</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Visite enregistrée.</translation>
    </message>
    <message>
        <source>Quick contact saved.</source>
        <translation>Contact rapide enregistré.</translation>
    </message>
    <message>
        <source>Referral saved.</source>
        <translation>Orientation enregistrée.</translation>
    </message>
    <message>
        <source>Incident report saved.</source>
        <translation>Rapport d&apos;incident enregistré.</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Correction enregistrée.</translation>
    </message>
    <message>
        <source>Records merged.</source>
        <translation>Dossiers fusionnés.</translation>
    </message>
    <message>
        <source>Client&apos;s record deleted.</source>
        <translation>Dossier du client supprimé.</translation>
    </message>
    <message>
        <source>Service directory saved.</source>
        <translation>Répertoire des services enregistré.</translation>
    </message>
    <message>
        <source>Staff saved.</source>
        <translation>Personnel enregistré.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Voided; the earlier version is kept.</source>
        <translation>Annulé&#x202f;; la version précédente est conservée.</translation>
    </message>
    <message>
        <source>Visit and referral saved.</source>
        <translation>Visite et orientation enregistrées.</translation>
    </message>
</context>
</TS>
