# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_dissemination.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QRect, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QDateTimeEdit, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTableView, QVBoxLayout, QWidget)

from wawaran_desktop.views.area_picker import AreaPicker
from wawaran_desktop.views.inline_message import MessageLabel

class Ui_DisseminationPanel(object):
    def setupUi(self, DisseminationPanel):
        if not DisseminationPanel.objectName():
            DisseminationPanel.setObjectName(u"DisseminationPanel")
        DisseminationPanel.resize(560, 330)
        self.outerLayout = QVBoxLayout(DisseminationPanel)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(DisseminationPanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollContents.setGeometry(QRect(0, 0, 540, 640))
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(2, 2, 2, 2)
        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.arriveButton = QPushButton(self.scrollContents)
        self.arriveButton.setObjectName(u"arriveButton")

        self.actionsLayout.addWidget(self.arriveButton)

        self.departButton = QPushButton(self.scrollContents)
        self.departButton.setObjectName(u"departButton")

        self.actionsLayout.addWidget(self.departButton)

        self.clearTimesButton = QPushButton(self.scrollContents)
        self.clearTimesButton.setObjectName(u"clearTimesButton")

        self.actionsLayout.addWidget(self.clearTimesButton)

        self.actionsSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.addStopButton = QPushButton(self.scrollContents)
        self.addStopButton.setObjectName(u"addStopButton")
        self.addStopButton.setCheckable(True)

        self.actionsLayout.addWidget(self.addStopButton)

        self.removeStopButton = QPushButton(self.scrollContents)
        self.removeStopButton.setObjectName(u"removeStopButton")

        self.actionsLayout.addWidget(self.removeStopButton)


        self.contentLayout.addLayout(self.actionsLayout)

        self.syncFrame = QFrame(self.scrollContents)
        self.syncFrame.setObjectName(u"syncFrame")
        self.syncLayout = QHBoxLayout(self.syncFrame)
        self.syncLayout.setObjectName(u"syncLayout")
        self.syncLayout.setContentsMargins(0, 0, 0, 0)
        self.syncLabel = QLabel(self.syncFrame)
        self.syncLabel.setObjectName(u"syncLabel")
        self.syncLabel.setWordWrap(True)

        self.syncLayout.addWidget(self.syncLabel)

        self.syncButton = QPushButton(self.syncFrame)
        self.syncButton.setObjectName(u"syncButton")

        self.syncLayout.addWidget(self.syncButton)


        self.contentLayout.addWidget(self.syncFrame)

        self.stopsTable = QTableView(self.scrollContents)
        self.stopsTable.setObjectName(u"stopsTable")
        self.stopsTable.setMinimumSize(QSize(0, 130))
        self.stopsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stopsTable.setAlternatingRowColors(True)
        self.stopsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stopsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stopsTable.horizontalHeader().setStretchLastSection(False)
        self.stopsTable.verticalHeader().setVisible(False)
        self.stopsTable.verticalHeader().setDefaultSectionSize(22)

        self.contentLayout.addWidget(self.stopsTable)

        self.addBox = QGroupBox(self.scrollContents)
        self.addBox.setObjectName(u"addBox")
        self.addLayout = QFormLayout(self.addBox)
        self.addLayout.setObjectName(u"addLayout")
        self.areaCaption = QLabel(self.addBox)
        self.areaCaption.setObjectName(u"areaCaption")

        self.addLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.areaCaption)

        self.areaPicker = AreaPicker(self.addBox)
        self.areaPicker.setObjectName(u"areaPicker")

        self.addLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.areaPicker)

        self.newAddressCaption = QLabel(self.addBox)
        self.newAddressCaption.setObjectName(u"newAddressCaption")

        self.addLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newAddressCaption)

        self.newAddressEdit = QLineEdit(self.addBox)
        self.newAddressEdit.setObjectName(u"newAddressEdit")
        self.newAddressEdit.setMaxLength(300)

        self.addLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newAddressEdit)

        self.addButtons = QHBoxLayout()
        self.addButtons.setObjectName(u"addButtons")
        self.addConfirmButton = QPushButton(self.addBox)
        self.addConfirmButton.setObjectName(u"addConfirmButton")

        self.addButtons.addWidget(self.addConfirmButton)

        self.addCancelButton = QPushButton(self.addBox)
        self.addCancelButton.setObjectName(u"addCancelButton")

        self.addButtons.addWidget(self.addCancelButton)

        self.addSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addButtons.addItem(self.addSpacer)


        self.addLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.addButtons)


        self.contentLayout.addWidget(self.addBox)

        self.stopBox = QGroupBox(self.scrollContents)
        self.stopBox.setObjectName(u"stopBox")
        self.stopLayout = QGridLayout(self.stopBox)
        self.stopLayout.setObjectName(u"stopLayout")
        self.arrivedCaption = QLabel(self.stopBox)
        self.arrivedCaption.setObjectName(u"arrivedCaption")

        self.stopLayout.addWidget(self.arrivedCaption, 0, 0, 1, 1)

        self.arrivedEdit = QDateTimeEdit(self.stopBox)
        self.arrivedEdit.setObjectName(u"arrivedEdit")

        self.stopLayout.addWidget(self.arrivedEdit, 0, 1, 1, 1)

        self.departedCaption = QLabel(self.stopBox)
        self.departedCaption.setObjectName(u"departedCaption")

        self.stopLayout.addWidget(self.departedCaption, 0, 2, 1, 1)

        self.departedEdit = QDateTimeEdit(self.stopBox)
        self.departedEdit.setObjectName(u"departedEdit")

        self.stopLayout.addWidget(self.departedEdit, 0, 3, 1, 1)

        self.flyersCaption = QLabel(self.stopBox)
        self.flyersCaption.setObjectName(u"flyersCaption")

        self.stopLayout.addWidget(self.flyersCaption, 1, 0, 1, 1)

        self.flyersSpin = QSpinBox(self.stopBox)
        self.flyersSpin.setObjectName(u"flyersSpin")
        self.flyersSpin.setMaximum(100000)

        self.stopLayout.addWidget(self.flyersSpin, 1, 1, 1, 1)

        self.audienceCaption = QLabel(self.stopBox)
        self.audienceCaption.setObjectName(u"audienceCaption")

        self.stopLayout.addWidget(self.audienceCaption, 1, 2, 1, 1)

        self.audienceSpin = QSpinBox(self.stopBox)
        self.audienceSpin.setObjectName(u"audienceSpin")
        self.audienceSpin.setMaximum(100000)

        self.stopLayout.addWidget(self.audienceSpin, 1, 3, 1, 1)

        self.notesCaption = QLabel(self.stopBox)
        self.notesCaption.setObjectName(u"notesCaption")

        self.stopLayout.addWidget(self.notesCaption, 2, 0, 1, 1)

        self.notesEdit = QPlainTextEdit(self.stopBox)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 60))
        self.notesEdit.setTabChangesFocus(True)

        self.stopLayout.addWidget(self.notesEdit, 2, 1, 1, 3)

        self.photosCaption = QLabel(self.stopBox)
        self.photosCaption.setObjectName(u"photosCaption")

        self.stopLayout.addWidget(self.photosCaption, 3, 0, 1, 1)

        self.photoList = QListWidget(self.stopBox)
        self.photoList.setObjectName(u"photoList")
        self.photoList.setMaximumSize(QSize(16777215, 92))
        self.photoList.setViewMode(QListView.ViewMode.IconMode)
        self.photoList.setIconSize(QSize(64, 64))
        self.photoList.setFlow(QListView.Flow.LeftToRight)
        self.photoList.setWrapping(False)

        self.stopLayout.addWidget(self.photoList, 3, 1, 1, 2)

        self.photoButtons = QVBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.addPhotoButton = QPushButton(self.stopBox)
        self.addPhotoButton.setObjectName(u"addPhotoButton")

        self.photoButtons.addWidget(self.addPhotoButton)

        self.removePhotoButton = QPushButton(self.stopBox)
        self.removePhotoButton.setObjectName(u"removePhotoButton")

        self.photoButtons.addWidget(self.removePhotoButton)


        self.stopLayout.addLayout(self.photoButtons, 3, 3, 1, 1)

        self.stopLayout.setColumnStretch(1, 1)
        self.stopLayout.setColumnStretch(3, 1)

        self.contentLayout.addWidget(self.stopBox)

        self.errorLabel = MessageLabel(self.scrollContents)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.errorLabel)

        self.totalsLabel = QLabel(self.scrollContents)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.totalsLabel)

        self.elapsedLabel = QLabel(self.scrollContents)
        self.elapsedLabel.setObjectName(u"elapsedLabel")
        self.elapsedLabel.setStyleSheet(u"font-weight: bold;")
        self.elapsedLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.elapsedLabel)

        self.bottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.areaCaption.setBuddy(self.areaPicker)
        self.newAddressCaption.setBuddy(self.newAddressEdit)
        self.arrivedCaption.setBuddy(self.arrivedEdit)
        self.departedCaption.setBuddy(self.departedEdit)
        self.flyersCaption.setBuddy(self.flyersSpin)
        self.audienceCaption.setBuddy(self.audienceSpin)
        self.notesCaption.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DisseminationPanel)

        QMetaObject.connectSlotsByName(DisseminationPanel)
    # setupUi

    def retranslateUi(self, DisseminationPanel):
        self.arriveButton.setText(QCoreApplication.translate("DisseminationPanel", u"T&iba", None))
#if QT_CONFIG(tooltip)
        self.arriveButton.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Catat waktu tiba di lokasi terpilih (sekarang)", None))
#endif // QT_CONFIG(tooltip)
        self.departButton.setText(QCoreApplication.translate("DisseminationPanel", u"Be&rangkat", None))
#if QT_CONFIG(tooltip)
        self.departButton.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Catat waktu berangkat dari lokasi terpilih (sekarang)", None))
#endif // QT_CONFIG(tooltip)
        self.clearTimesButton.setText(QCoreApplication.translate("DisseminationPanel", u"Kosongkan waktu", None))
#if QT_CONFIG(tooltip)
        self.clearTimesButton.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Hapus waktu tiba dan berangkat lokasi terpilih (mis. salah tekan)", None))
#endif // QT_CONFIG(tooltip)
        self.addStopButton.setText(QCoreApplication.translate("DisseminationPanel", u"Tambah lokasi tak terencana\u2026", None))
        self.removeStopButton.setText(QCoreApplication.translate("DisseminationPanel", u"Hapus", None))
#if QT_CONFIG(tooltip)
        self.removeStopButton.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Hapus lokasi tak terencana yang salah tambah (belum berisi catatan)", None))
#endif // QT_CONFIG(tooltip)
        self.syncButton.setText(QCoreApplication.translate("DisseminationPanel", u"Ambil lokasi dari briefing", None))
        self.addBox.setTitle(QCoreApplication.translate("DisseminationPanel", u"Lokasi tak terencana", None))
        self.areaCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Kecamatan/kelurahan:", None))
        self.newAddressCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Alamat/patokan:", None))
        self.newAddressEdit.setPlaceholderText(QCoreApplication.translate("DisseminationPanel", u"mis. depan Pasar Anyar", None))
        self.addConfirmButton.setText(QCoreApplication.translate("DisseminationPanel", u"Tambahkan ke rute", None))
        self.addCancelButton.setText(QCoreApplication.translate("DisseminationPanel", u"Batal", None))
        self.stopBox.setTitle(QCoreApplication.translate("DisseminationPanel", u"Lokasi terpilih", None))
        self.arrivedCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Tiba:", None))
        self.arrivedEdit.setDisplayFormat(QCoreApplication.translate("DisseminationPanel", u"dd/MM/yyyy HH.mm", None))
#if QT_CONFIG(tooltip)
        self.arrivedEdit.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Waktu tiba (WIB); ubah bila tombol Tiba terlambat ditekan", None))
#endif // QT_CONFIG(tooltip)
        self.departedCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Berangkat:", None))
        self.departedEdit.setDisplayFormat(QCoreApplication.translate("DisseminationPanel", u"dd/MM/yyyy HH.mm", None))
#if QT_CONFIG(tooltip)
        self.departedEdit.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Waktu berangkat (WIB)", None))
#endif // QT_CONFIG(tooltip)
        self.flyersCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Selebaran:", None))
        self.flyersSpin.setSuffix(QCoreApplication.translate("DisseminationPanel", u" lembar", None))
#if QT_CONFIG(tooltip)
        self.flyersSpin.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Jumlah selebaran yang dibagikan di lokasi ini", None))
#endif // QT_CONFIG(tooltip)
        self.audienceCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Perkiraan warga:", None))
        self.audienceSpin.setSuffix(QCoreApplication.translate("DisseminationPanel", u" orang", None))
        self.notesCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Catatan:", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("DisseminationPanel", u"Kendala atau hal penting di lokasi ini (tersimpan otomatis)", None))
        self.photosCaption.setText(QCoreApplication.translate("DisseminationPanel", u"Foto:", None))
#if QT_CONFIG(tooltip)
        self.photoList.setToolTip(QCoreApplication.translate("DisseminationPanel", u"Klik dua kali untuk membuka foto", None))
#endif // QT_CONFIG(tooltip)
        self.addPhotoButton.setText(QCoreApplication.translate("DisseminationPanel", u"Tambah foto\u2026", None))
        self.removePhotoButton.setText(QCoreApplication.translate("DisseminationPanel", u"Hapus foto", None))
        pass
    # retranslateUi

